package io.auditrail.core.internal.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.ShardedAsyncDispatcher;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DispatchPlanTest {

    private static final AuditMonitor QUIET = new AuditMonitor() { };

    private final Sink store = new Sink("jdbc", true);
    private final Sink remote = new Sink("http", false);

    @Test
    void withoutAConfiguredModeTheStoreIsTransactionalAndOtherSinksAsync() {
        assertThat(DispatchPlan.modeFor(null, store)).isEqualTo(DispatchMode.TRANSACTIONAL);
        assertThat(DispatchPlan.modeFor(null, remote)).isEqualTo(DispatchMode.ASYNC);
    }

    @Test
    void aModeASinkCannotHonourFallsBackToTheClosestOne() {
        assertThat(DispatchPlan.modeFor(DispatchMode.OUTBOX, store)).as("no relay for the own database")
                .isEqualTo(DispatchMode.TRANSACTIONAL);
        assertThat(DispatchPlan.modeFor(DispatchMode.TRANSACTIONAL, remote)).isEqualTo(DispatchMode.SYNC);
        assertThat(DispatchPlan.modeFor(DispatchMode.OUTBOX, remote)).isEqualTo(DispatchMode.OUTBOX);
        assertThat(DispatchPlan.modeFor(DispatchMode.ASYNC, store)).isEqualTo(DispatchMode.ASYNC);
        assertThat(DispatchPlan.modeFor(DispatchMode.SYNC, store)).isEqualTo(DispatchMode.SYNC);
    }

    @Test
    void eachModeGetsItsDispatcher() {
        List<Object[]> appended = new ArrayList<>();
        DispatchPlan plan = new DispatchPlan(DispatchMode.OUTBOX, () -> AsyncSettings.DEFAULTS, QUIET,
                () -> Optional.of(recording(appended)));

        PlannedDispatch outbox = plan.plan(remote);
        outbox.dispatcher().dispatch(TestEvents.event(1));
        assertThat(appended).singleElement().satisfies(call -> assertThat(call[0]).isEqualTo("http"));
        assertThat(outbox.queue()).isNull();
        assertThat(outbox.inCallerTransaction()).isTrue();

        PlannedDispatch transactional = plan.plan(store);
        assertThat(transactional.dispatcher()).isInstanceOf(SyncDispatcher.class);
        assertThat(transactional.modeName()).isEqualTo("transactional");

        PlannedDispatch queued = new DispatchPlan(null, () -> AsyncSettings.DEFAULTS, QUIET, Optional::empty)
                .plan(remote);
        try {
            assertThat(queued.dispatcher()).isSameAs(queued.queue()).isInstanceOf(AsyncDispatcher.class);
            assertThat(queued.inCallerTransaction()).isFalse();
        } finally {
            queued.dispatcher().close(Duration.ofSeconds(5));
        }
    }

    @Test
    void threeWritersShareTheSinkKeepEachOrganisationsOrderAndReportTheirQueues() throws InterruptedException {
        GatedSink sink = new GatedSink();
        AsyncSettings settings = new AsyncSettings(1_000, 1, Duration.ZERO, OverflowPolicy.BLOCK,
                Duration.ofSeconds(10), RetryBackoff.DEFAULTS, 3);
        PlannedDispatch queued = new DispatchPlan(DispatchMode.ASYNC, () -> settings, QUIET, Optional::empty)
                .plan(sink);
        assertThat(queued.dispatcher()).isSameAs(queued.queue()).isInstanceOf(ShardedAsyncDispatcher.class);
        List<AuditEvent> dispatched = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                // "org-0" to "org-5" have consecutive hash codes, so every writer gets two of them.
                AuditEvent event = TestEvents.invoiceDeleted().organizationId("org-" + i % 6).metadata("n", i).build();
                dispatched.add(event);
                queued.dispatcher().dispatch(event);
            }

            // The gate is shut: each writer holds at most its one-event batch, the rest wait in the queues.
            assertThat(queued.queue().queueDepth()).isBetween(60 - 3, 60);
        } finally {
            sink.gate.countDown();
            assertThat(queued.dispatcher().close(Duration.ofSeconds(30)).isComplete()).isTrue();
        }

        assertThat(queued.queue().queueDepth()).isZero();
        assertThat(sink.delivered).containsExactlyInAnyOrderElementsOf(dispatched);
        assertThat(byOrganization(sink.delivered)).isEqualTo(byOrganization(dispatched));
        assertThat(sink.threads).as("writer threads that called the sink").hasSize(3);
    }

    @Test
    void outboxDispatchWithoutAnOutboxSaysWhatToAdd() {
        DispatchPlan plan = new DispatchPlan(DispatchMode.OUTBOX, () -> AsyncSettings.DEFAULTS, QUIET,
                Optional::empty);

        assertThatThrownBy(() -> plan.plan(remote)).isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("auditrail.dispatch is outbox but there is no audit outbox: add audit-jdbc-store and a "
                        + "single DataSource, or define an Outbox bean");
        assertThat(plan.plan(store).mode()).as("the store never needs the outbox").isEqualTo(DispatchMode.TRANSACTIONAL);
    }

    @Test
    void theFanOutHasOneBoundDispatchPerSinkInOrder() {
        DispatchPlan plan = new DispatchPlan(DispatchMode.SYNC, () -> {
            throw new AssertionError("no sink is async");
        }, QUIET, Optional::empty);

        AuditSinkDispatchers fanOut = plan.dispatchers(List.of(store, remote), Duration.ofSeconds(1),
                planned -> new AuditSinkDispatchers.SinkDispatch(planned.sink().name(), planned.modeName() + " (bound)",
                        planned.dispatcher(), planned.queue()));

        assertThat(fanOut.sinks()).extracting(AuditSinkDispatchers.SinkDispatch::name).containsExactly("jdbc", "http");
        assertThat(fanOut.sinks()).extracting(AuditSinkDispatchers.SinkDispatch::mode)
                .containsOnly("sync (bound)");
        fanOut.dispatch(TestEvents.event(2));
        assertThat(store.written).hasSize(1);
        assertThat(remote.written).hasSize(1);
    }

    @Test
    void noSinkAtAllIsRefusedWithTheWaysOut() {
        DispatchPlan plan = new DispatchPlan(null, () -> AsyncSettings.DEFAULTS, QUIET, Optional::empty);

        assertThatThrownBy(() -> plan.dispatchers(List.of(), Duration.ofSeconds(1), planned -> null))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("Auditrail has no sink: set auditrail.sink (jdbc, log, http, kafka) or define an AuditSink "
                        + "bean, or switch auditing off with auditrail.enabled=false");
    }

    /** Records every call; the plan only ever appends. */
    private static Outbox recording(List<Object[]> calls) {
        return (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, arguments) -> {
                    if (!method.getName().equals("append")) {
                        throw new AssertionError("unexpected " + method.getName());
                    }
                    calls.add(arguments);
                    return null;
                });
    }

    private static Map<String, List<Object>> byOrganization(List<AuditEvent> events) {
        return events.stream().collect(Collectors.groupingBy(AuditEvent::organizationId,
                Collectors.mapping(event -> event.metadata().get("n"), Collectors.toList())));
    }

    /** Holds every writer inside the sink until the gate opens; records what it got and on which thread. */
    private static final class GatedSink implements AuditSink {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void write(List<AuditEvent> events) {
            threads.add(Thread.currentThread());
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            delivered.addAll(events);
        }

        @Override
        public String name() {
            return "gated";
        }
    }

    private static final class Sink implements AuditSink {
        private final String name;
        private final boolean joinsTransactions;
        private final List<AuditEvent> written = new ArrayList<>();

        Sink(String name, boolean joinsTransactions) {
            this.name = name;
            this.joinsTransactions = joinsTransactions;
        }

        @Override
        public void write(List<AuditEvent> events) {
            written.addAll(events);
        }

        @Override
        public boolean joinsTransactions() {
            return joinsTransactions;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
