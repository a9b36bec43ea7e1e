package io.auditrail.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncDispatcherTest {

    private static final Duration LONG = Duration.ofHours(1);

    private final ControllableSink sink = new ControllableSink();
    private final FakeTime time = new FakeTime();
    private final Map<String, AtomicInteger> dropped = new ConcurrentHashMap<>();
    private final AuditMonitor monitor = new AuditMonitor() {
        @Override
        public void dropped(String sink, AuditEvent event, String reason) {
            dropped.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
        }
    };
    private AsyncDispatcher dispatcher;

    private AsyncDispatcher start(int capacity, int batchSize, Duration flush, OverflowPolicy policy, Duration blockTimeout) {
        dispatcher = new AsyncDispatcher(sink,
                new AsyncSettings(capacity, batchSize, flush, policy, blockTimeout, RetryBackoff.DEFAULTS),
                monitor, time, time);
        return dispatcher;
    }

    @AfterEach
    void closeDispatcher() {
        Semaphore gate = sink.gate;
        if (gate != null) {
            gate.release(10_000);
        }
        if (dispatcher != null) {
            dispatcher.close(Duration.ofSeconds(5));
        }
    }

    private static List<AuditEvent> events(int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(TestEvents.event(i));
        }
        return events;
    }

    @Test
    void batchesBySize() {
        AsyncDispatcher async = start(100, 5, LONG, OverflowPolicy.BLOCK, Duration.ZERO);
        List<AuditEvent> events = events(10);

        events.forEach(async::dispatch);

        await().atMost(5, TimeUnit.SECONDS).until(() -> sink.batches.size() == 2);
        assertThat(sink.batches).allSatisfy(batch -> assertThat(batch).hasSize(5));
        assertThat(sink.delivered()).containsExactlyElementsOf(events);
    }

    @Test
    void flushesAPartialBatchAfterTheInterval() {
        AsyncDispatcher async = start(100, 50, Duration.ofMillis(20), OverflowPolicy.BLOCK, Duration.ZERO);

        async.dispatch(TestEvents.event(1));

        await().atMost(5, TimeUnit.SECONDS).until(() -> sink.batches.size() == 1);
        assertThat(sink.batches.get(0)).hasSize(1);
    }

    @Test
    void dropPolicyCountsAndReportsEveryDroppedEvent() throws InterruptedException {
        sink.gate = new Semaphore(0);
        AsyncDispatcher async = start(2, 1, Duration.ZERO, OverflowPolicy.DROP, Duration.ZERO);
        async.dispatch(TestEvents.event(0));
        assertThat(sink.firstCall.await(5, TimeUnit.SECONDS)).isTrue();

        events(5).forEach(async::dispatch);

        assertThat(async.droppedCount()).isEqualTo(3);
        assertThat(dropped.get("queue-full")).hasValue(3);
        assertThat(async.queueDepth()).isEqualTo(2);
    }

    @Test
    void failPolicyRefusesTheCallerAtOnce() throws InterruptedException {
        sink.gate = new Semaphore(0);
        AsyncDispatcher async = start(1, 1, Duration.ZERO, OverflowPolicy.FAIL, Duration.ZERO);
        async.dispatch(TestEvents.event(0));
        assertThat(sink.firstCall.await(5, TimeUnit.SECONDS)).isTrue();
        async.dispatch(TestEvents.event(1));

        assertThatThrownBy(() -> async.dispatch(TestEvents.event(2))).isInstanceOf(AuditQueueFullException.class)
                .hasMessageContaining("audit queue for sink 'test' is full (1 events, waited 0 ms)");
        assertThat(dropped.get("queue-full")).hasValue(1);
    }

    @Test
    void blockPolicyWaitsForRoomThenRefuses() throws InterruptedException {
        sink.gate = new Semaphore(0);
        AsyncDispatcher async = start(1, 1, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ofMillis(50));
        async.dispatch(TestEvents.event(0));
        assertThat(sink.firstCall.await(5, TimeUnit.SECONDS)).isTrue();
        async.dispatch(TestEvents.event(1));

        long start = System.nanoTime();
        assertThatThrownBy(() -> async.dispatch(TestEvents.event(2))).isInstanceOf(AuditQueueFullException.class)
                .hasMessageContaining("waited 50 ms");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void blockPolicyAcceptsOnceTheWriterMakesRoom() throws InterruptedException {
        sink.gate = new Semaphore(0);
        AsyncDispatcher async = start(1, 1, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ofSeconds(30));
        async.dispatch(TestEvents.event(0));
        assertThat(sink.firstCall.await(5, TimeUnit.SECONDS)).isTrue();
        async.dispatch(TestEvents.event(1));

        Thread releaser = new Thread(() -> sink.gate.release(10));
        releaser.start();
        async.dispatch(TestEvents.event(2));

        await().atMost(5, TimeUnit.SECONDS).until(() -> sink.batches.size() == 3);
    }

    @Test
    void retriesAFailingBatchWithTheSameIdsAndGrowingBackoffUntilItIsStored() {
        sink.failuresLeft.set(4);
        AsyncDispatcher async = start(100, 10, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ZERO);
        List<AuditEvent> events = events(3);

        async.dispatch(events.get(0));

        await().atMost(5, TimeUnit.SECONDS).until(() -> sink.batches.size() == 1);
        assertThat(sink.attempts).hasSize(5).allSatisfy(ids -> assertThat(ids).isEqualTo(List.of(events.get(0).id())));
        assertThat(time.sleeps).hasSize(4);
        for (int i = 0; i < 4; i++) {
            Duration nominal = Duration.ofMillis(100L << i);
            assertThat(time.sleeps.get(i)).isBetween(nominal.multipliedBy(8).dividedBy(10), nominal);
        }
    }

    @Test
    void capsTheBackoff() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), 2.0, 0.0);

        assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(30, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryBackoff.DEFAULTS.delay(30, 0.999)).isGreaterThanOrEqualTo(Duration.ofSeconds(24));
    }

    @Test
    void dropsABatchTheSinkRefusesForGoodAndReportsIt() {
        sink.failuresLeft.set(1);
        sink.failure = new AuditSinkException("400 Bad Request", null, false);
        AsyncDispatcher async = start(100, 10, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ZERO);

        async.dispatch(TestEvents.event(0));
        await().atMost(5, TimeUnit.SECONDS).until(() -> dropped.containsKey("rejected"));
        async.dispatch(TestEvents.event(1));

        await().atMost(5, TimeUnit.SECONDS).until(() -> sink.batches.size() == 1);
        assertThat(sink.attempts).hasSize(2);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void closeDrainsEverythingQueued() throws Exception {
        sink.gate = new Semaphore(0);
        AsyncDispatcher async = start(1000, 7, LONG, OverflowPolicy.BLOCK, Duration.ZERO);
        List<AuditEvent> events = events(100);
        events.forEach(async::dispatch);
        assertThat(sink.firstCall.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DrainResult> closing = CompletableFuture.supplyAsync(() -> async.close(Duration.ofSeconds(10)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> refusesNewEvents(async));

        sink.gate.release(1000);
        DrainResult result = closing.get(15, TimeUnit.SECONDS);
        dispatcher = null;

        assertThat(result.isComplete()).isTrue();
        assertThat(result.delivered()).isGreaterThanOrEqualTo(100);
        assertThat(sink.delivered().stream().filter(events::contains).toList()).containsExactlyElementsOf(events);
    }

    /** Probes with an extra event; one accepted before the close began is simply delivered too. */
    private static boolean refusesNewEvents(AsyncDispatcher async) {
        try {
            async.dispatch(TestEvents.event(-1));
            return false;
        } catch (IllegalStateException closed) {
            return true;
        }
    }

    @Test
    void closeGivesUpAtTheDeadlineAndReportsWhatItCouldNotDeliver() {
        sink.failuresLeft.set(Integer.MAX_VALUE);
        AsyncDispatcher async = start(1000, 10, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ZERO);
        List<AuditEvent> events = events(25);
        events.forEach(async::dispatch);

        DrainResult result = async.close(Duration.ofSeconds(2));
        dispatcher = null;

        assertThat(result.delivered()).isZero();
        assertThat(result.undelivered()).extracting(AuditEvent::id)
                .containsExactlyInAnyOrderElementsOf(events.stream().map(AuditEvent::id).toList());
        assertThat(dropped.get("undelivered-at-close")).hasValue(25);
        assertThat(sink.batches).isEmpty();
    }

    @Test
    void refusesEventsAfterClose() {
        AsyncDispatcher async = start(10, 1, Duration.ZERO, OverflowPolicy.DROP, Duration.ZERO);
        async.close(Duration.ofSeconds(1));
        dispatcher = null;
        AuditEvent late = TestEvents.event(1);

        assertThatThrownBy(() -> async.dispatch(late)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed; event " + late.id());
        assertThat(dropped.get("closed")).hasValue(1);
    }

    @Test
    void aRecoveredSinkStoresEachEventExactlyOnce() {
        sink.failuresLeft.set(3);
        AsyncDispatcher async = start(1000, 16, Duration.ofMillis(5), OverflowPolicy.BLOCK, Duration.ofSeconds(5));
        List<AuditEvent> events = events(200);

        events.forEach(async::dispatch);
        async.close(Duration.ofSeconds(10));
        dispatcher = null;

        List<UUID> stored = sink.delivered().stream().map(AuditEvent::id).toList();
        assertThat(stored).doesNotHaveDuplicates().containsExactlyElementsOf(events.stream().map(AuditEvent::id).toList());
    }

    @Test
    void waitsAtLeastAsLongAsTheSinksRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        List<List<AuditEvent>> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher = new AsyncDispatcher(events -> {
            if (calls.incrementAndGet() == 1) {
                throw new AuditSinkException("429", null, true, Duration.ofSeconds(7), List.of());
            }
            stored.add(events);
        }, new AsyncSettings(10, 10, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ZERO, RetryBackoff.DEFAULTS),
                monitor, time, time);

        dispatcher.dispatch(TestEvents.event(1));

        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 1);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void deadLettersRejectedEventsAndRetriesOnlyTheRest() {
        List<AuditEvent> events = events(3);
        List<List<UUID>> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher = new AsyncDispatcher(batch -> {
            attempts.add(batch.stream().map(AuditEvent::id).toList());
            if (attempts.size() == 1) {
                throw new AuditSinkException("mixed", null, true, null,
                        List.of(new AuditSinkException.Rejection(events.get(1), "HTTP 400")));
            }
        }, new AsyncSettings(10, 3, Duration.ofSeconds(5), OverflowPolicy.BLOCK, Duration.ZERO, RetryBackoff.DEFAULTS),
                monitor, time, time);

        events.forEach(dispatcher::dispatch);

        await().atMost(5, TimeUnit.SECONDS).until(() -> attempts.size() == 2);
        assertThat(attempts.get(0)).hasSize(3);
        assertThat(attempts.get(1)).containsExactly(events.get(0).id(), events.get(2).id());
        assertThat(dropped.get("rejected")).hasValue(1);
    }

    @Test
    void aPermanentPartialRejectionCountsTheRestAsStored() {
        List<AuditEvent> events = events(3);
        List<Integer> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        AuditMonitor counting = new AuditMonitor() {
            @Override
            public void delivered(String sink, List<AuditEvent> batch, Duration latency) {
                delivered.add(batch.size());
            }

            @Override
            public void dropped(String sink, AuditEvent event, String reason) {
                monitor.dropped(sink, event, reason);
            }
        };
        AtomicInteger calls = new AtomicInteger();
        dispatcher = new AsyncDispatcher(batch -> {
            calls.incrementAndGet();
            throw new AuditSinkException("refused", null, false, null,
                    List.of(new AuditSinkException.Rejection(events.get(0), "HTTP 422")));
        }, new AsyncSettings(10, 3, Duration.ofSeconds(5), OverflowPolicy.BLOCK, Duration.ZERO, RetryBackoff.DEFAULTS),
                counting, time, time);

        events.forEach(dispatcher::dispatch);

        await().atMost(5, TimeUnit.SECONDS).until(() -> delivered.size() == 1);
        assertThat(delivered).containsExactly(2);
        assertThat(dropped.get("rejected")).hasValue(1);
        assertThat(calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void theWriterSurvivesAnErrorFromTheSinkAndDeliversLaterEvents() {
        AtomicInteger calls = new AtomicInteger();
        List<AuditEvent> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher = new AsyncDispatcher(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new LinkageError("driver class vanished");
            }
            stored.addAll(batch);
        }, new AsyncSettings(10, 1, Duration.ZERO, OverflowPolicy.BLOCK, Duration.ZERO, RetryBackoff.DEFAULTS),
                monitor, time, time);

        dispatcher.dispatch(TestEvents.event(1));
        await().atMost(5, TimeUnit.SECONDS).until(() -> dropped.containsKey("writer-failure"));
        AuditEvent later = TestEvents.event(2);
        dispatcher.dispatch(later);

        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.contains(later));
    }

    @Test
    void aFailingMonitorNeitherStopsTheWriterNorCausesASecondWrite() {
        AuditMonitor broken = new AuditMonitor() {
            @Override
            public void delivered(String sink, List<AuditEvent> events, Duration latency) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        dispatcher = new AsyncDispatcher(sink, new AsyncSettings(10, 1, Duration.ZERO, OverflowPolicy.BLOCK,
                Duration.ZERO, RetryBackoff.DEFAULTS), broken, time, time);

        dispatcher.dispatch(TestEvents.event(1));
        dispatcher.dispatch(TestEvents.event(2));

        await().atMost(5, TimeUnit.SECONDS).until(() -> sink.batches.size() == 2);
        assertThat(sink.attempts).hasSize(2);
    }
}
