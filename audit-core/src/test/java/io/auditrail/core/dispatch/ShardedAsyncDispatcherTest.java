package io.auditrail.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShardedAsyncDispatcherTest {

    private static final AsyncSettings SETTINGS = new AsyncSettings(1_000, 10, Duration.ofMillis(5),
            OverflowPolicy.BLOCK, Duration.ofSeconds(10), RetryBackoff.DEFAULTS);

    /** Records every batch and the thread that wrote it. */
    private static final class RecordingSink implements AuditSink {
        final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void write(List<AuditEvent> events) {
            threads.add(Thread.currentThread().getName());
            delivered.addAll(events);
        }
    }

    @Test
    void keepsEachOrganisationsOrderAcrossTwoWriters() {
        RecordingSink sink = new RecordingSink();
        ShardedAsyncDispatcher dispatcher = new ShardedAsyncDispatcher(sink, SETTINGS, 2, AuditMonitor.NONE);
        List<AuditEvent> dispatched = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            AuditEvent event = TestEvents.invoiceDeleted().organizationId("org-" + i % 7).metadata("n", i).build();
            dispatched.add(event);
            dispatcher.dispatch(event);
        }

        DrainResult drained = dispatcher.close(Duration.ofSeconds(30));

        assertThat(drained.isComplete()).isTrue();
        assertThat(sink.delivered).containsExactlyInAnyOrderElementsOf(dispatched);
        assertThat(byOrganization(sink.delivered)).isEqualTo(byOrganization(dispatched));
        assertThat(sink.threads).containsExactlyInAnyOrder("auditrail-writer-" + sink.name() + "-1",
                "auditrail-writer-" + sink.name() + "-2");
    }

    @Test
    void twoWritersKeepTwoBatchesInTheSinkAtOnce() throws InterruptedException {
        CountDownLatch bothInside = new CountDownLatch(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AuditSink waitingSink = events -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            bothInside.countDown();
            try {
                // Like a sink waiting for acknowledgements: the second writer must get in meanwhile.
                bothInside.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        };
        ShardedAsyncDispatcher dispatcher = new ShardedAsyncDispatcher(waitingSink, SETTINGS, 2, AuditMonitor.NONE);
        // "org-0" and "org-1" go to different writers (their hash codes differ by one).
        dispatcher.dispatch(TestEvents.invoiceDeleted().organizationId("org-0").build());
        dispatcher.dispatch(TestEvents.invoiceDeleted().organizationId("org-1").build());

        DrainResult drained = dispatcher.close(Duration.ofSeconds(30));

        assertThat(drained.isComplete()).isTrue();
        assertThat(mostInside).hasValue(2);
    }

    @Test
    void needsAtLeastOneWriter() {
        assertThatThrownBy(() -> new ShardedAsyncDispatcher(new RecordingSink(), SETTINGS, 0, AuditMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writers");
    }

    private static Map<String, List<Object>> byOrganization(List<AuditEvent> events) {
        return events.stream().collect(Collectors.groupingBy(AuditEvent::organizationId,
                Collectors.mapping(event -> event.metadata().get("n"), Collectors.toList())));
    }
}
