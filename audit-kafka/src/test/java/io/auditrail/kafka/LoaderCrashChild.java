package io.auditrail.kafka;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.jdbc.JdbcAuditStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The loader JVM that {@link LoaderCrashTest} kills: it loads normally for two batches, then
 * stores a third, reports it and hangs before the offset commit, waiting for the kill.
 */
public final class LoaderCrashChild {

    private LoaderCrashChild() {
    }

    /**
     * Runs the loader.
     *
     * @param args bootstrap servers, topic, group, JDBC URL, user, password, table
     */
    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[3]);
        dataSource.setUser(args[4]);
        dataSource.setPassword(args[5]);
        JdbcAuditStore store = JdbcAuditStore.builder(dataSource).tableName(args[6])
                .initializeSchema(InitializeSchema.NEVER).build();
        AtomicInteger batches = new AtomicInteger();
        KafkaLoaderSettings settings = new KafkaLoaderSettings(args[0], args[1], args[2], Duration.ofMillis(200),
                RetryBackoff.DEFAULTS, Map.of("max.poll.records", "40", "session.timeout.ms", "6000"));
        KafkaAuditLoader loader = new KafkaAuditLoader(settings, events -> {
            store.write(events);
            int batch = batches.incrementAndGet();
            // Batches 1 and 2 are committed before the next poll; batch 3 never reaches its commit.
            System.out.println("STORED " + batch + " " + events.size());
            System.out.flush();
            if (batch == 3) {
                hang();
            }
        });
        loader.start();
        hang();
    }

    private static void hang() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
