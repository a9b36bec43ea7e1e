package io.auditrail.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.client.AuditrailClient;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.server.support.TestServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 100,000 events exported through the client, to a stream and as events, with the heap that
 * survives a collection measured along the way: the export must never be held whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeExportStreamingTest {

    private static final int EVENTS = 100_000;
    /** Far below what 100,000 events held at once take (about 1 KiB each as objects, more as JSON trees). */
    private static final long RETAINED_BOUND = 24L * 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private TestServer server;
    private AuditrailClient client;

    @BeforeAll
    void fill() {
        server = TestServer.start(TestServer.h2());
        String organization = "org-" + UUID.randomUUID();
        client = AuditrailClient.builder().baseUri(server.baseUri()).apiKey(server.newKey(organization, "growth").secret())
                .allowLoopbackHttp(true).build();
        JdbcAuditStore store = server.bean(JdbcAuditStore.class);
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        List<AuditEvent> batch = new ArrayList<>(2000);
        for (int i = 0; i < EVENTS; i++) {
            batch.add(AuditEvent.builder().timestamp(start.plus(i, ChronoUnit.SECONDS)).organizationId(organization)
                    .actor(Actor.user("user-" + (i % 50), null, null)).action("invoice.sent")
                    .resource(new Resource("invoice", "inv-" + i, "Invoice number " + i))
                    .metadata("amount", (long) i).metadata("note", "x".repeat(200)).build());
            if (batch.size() == 2000) {
                store.write(batch);
                batch.clear();
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private long retainedHeap() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void eventsArriveOneAtATimeUnderABoundedHeap() {
        long before = retainedHeap();
        long peak = 0;
        long count = 0;
        Instant previous = Instant.MAX;
        try (Stream<AuditEvent> events = client.exportEvents(AuditQuery.builder().build())) {
            Iterator<AuditEvent> iterator = events.iterator();
            while (iterator.hasNext()) {
                AuditEvent event = iterator.next();
                assertThat(event.timestamp()).isBefore(previous);
                previous = event.timestamp();
                if (++count % 20_000 == 0) {
                    peak = Math.max(peak, retainedHeap() - before);
                }
            }
        }
        assertThat(count).isEqualTo(EVENTS);
        assertThat(peak).as("heap retained while exporting, bytes").isLessThan(RETAINED_BOUND);
    }

    @Test
    void csvIsCopiedToTheStreamUnderABoundedHeap() {
        long before = retainedHeap();
        long[] peak = {0};
        long[] lines = {0};
        OutputStream counting = new OutputStream() {
            private long bytes;

            @Override
            public void write(int b) {
                count(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    count(b[i]);
                }
            }

            private void count(int b) {
                if (b == '\n' && ++lines[0] % 20_000 == 0) {
                    peak[0] = Math.max(peak[0], retainedHeap() - before);
                }
                bytes++;
            }
        };
        long copied = client.export(AuditQuery.builder().build(), ExportFormat.CSV, counting);
        assertThat(lines[0]).isEqualTo(EVENTS + 1L);
        assertThat(copied).isGreaterThan(EVENTS * 50L);
        assertThat(peak[0]).as("heap retained while exporting, bytes").isLessThan(RETAINED_BOUND);
    }
}
