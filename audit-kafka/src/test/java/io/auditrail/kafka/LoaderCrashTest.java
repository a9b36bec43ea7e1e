package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Kills a loader JVM after its database commit and before its offset commit, then lets a
 * successor in the same group take over: it must read that batch again and the table must
 * end with every event exactly once.
 */
class LoaderCrashTest {

    private static final int EVENTS = 300;

    @Test
    void loaderKilledBetweenDatabaseCommitAndOffsetCommitLeavesNoDuplicateRows() throws Exception {
        String topic = TestBroker.newTopic(2);
        List<AuditEvent> published = publish(topic);
        AuditTable table = new AuditTable();
        String group = "crash-" + UUID.randomUUID();
        PGSimpleDataSource dataSource = (PGSimpleDataSource) PostgresConfig.get().dataSource();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), LoaderCrashChild.class.getName(),
                TestBroker.bootstrapServers(), topic, group, dataSource.getURL(), String.valueOf(dataSource.getUser()),
                String.valueOf(dataSource.getPassword()), table.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int committedBeforeKill = 0;
        int storedUncommitted = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (storedUncommitted == 0 && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("STORED")) {
                    int size = Integer.parseInt(parts[2]);
                    if (parts[1].equals("3")) {
                        storedUncommitted = size;
                    } else {
                        committedBeforeKill += size;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(storedUncommitted).as("the child stored its third batch before it was killed").isPositive();
        assertThat(table.count()).isEqualTo(committedBeforeKill + storedUncommitted);

        int rereadExpected = EVENTS - committedBeforeKill;
        KafkaLoaderSettings settings = new KafkaLoaderSettings(TestBroker.bootstrapServers(), topic, group,
                Duration.ofMillis(200), RetryBackoff.DEFAULTS, Map.of("max.poll.records", "40"));
        try (KafkaAuditLoader successor = new KafkaAuditLoader(settings, table.store())) {
            successor.start();
            // The dead member holds its partitions until its six-second session expires.
            await().atMost(Duration.ofSeconds(60)).until(() -> table.count() >= EVENTS);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> successor.storedCount() == rereadExpected);
        }
        List<AuditTable.Row> rows = table.rows();
        assertThat(rows).hasSize(EVENTS);
        assertThat(rows).extracting(AuditTable.Row::eventId)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(AuditEvent::id).toList());
    }

    private static List<AuditEvent> publish(String topic) {
        List<AuditEvent> published = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            published.add(KafkaTestEvents.event("org-" + (i % 7), i));
        }
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic))) {
            sink.write(published);
        }
        return published;
    }
}
