package io.auditrail.benchmarks.caller;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One benchmarked Spring Boot application: started for a JMH trial, its tables prepared, and
 * on close a line appended to the trial report (the file named by the system property
 * {@code bench.caller.stats}) saying what became of the events, so the harness can print it.
 */
final class RunningApplication implements AutoCloseable {

    static final int INVOICES = 1_000;

    private static final String AUDIT_TABLE = "audit_events";
    private static final String JAVERS_SNAPSHOTS = "jv_snapshot";

    private final CallerVariant variant;
    private final CallerDatabase database;
    private final ConfigurableApplicationContext context;

    RunningApplication(CallerVariant variant, CallerDatabase database) {
        this.variant = variant;
        this.database = database;
        this.context = new SpringApplicationBuilder(CallerApplication.class).properties(variant.properties(database))
                .run();
        prepareTables();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Starts every trial from the same table sizes, as PostgreSQL keeps them between runs. */
    private void prepareTables() {
        JdbcClient jdbc = bean(JdbcClient.class);
        jdbc.sql("DROP TABLE IF EXISTS bench_invoice").update();
        jdbc.sql("CREATE TABLE bench_invoice (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL,"
                + " paid_cents BIGINT NOT NULL, revision BIGINT NOT NULL)").update();
        LongStream.rangeClosed(1, INVOICES).forEach(id -> jdbc
                .sql("INSERT INTO bench_invoice (id, status, paid_cents, revision) VALUES (?, 'OPEN', 0, 0)")
                .param(id).update());
        if (variant == CallerVariant.HAND_WRITTEN_INSERT) {
            // Auditrail is off in this variant: a store is built only to create the same table and indexes.
            JdbcAuditStore.builder(bean(DataSource.class)).initializeSchema(InitializeSchema.ALWAYS).build();
        }
        if (database == CallerDatabase.POSTGRESQL) {
            if (variant == CallerVariant.AUDITED_TRANSACTIONAL || variant == CallerVariant.HAND_WRITTEN_INSERT) {
                jdbc.sql("TRUNCATE " + AUDIT_TABLE).update();
            }
            if (variant == CallerVariant.JAVERS) {
                jdbc.sql("TRUNCATE jv_snapshot, jv_commit_property, jv_commit, jv_global_id").update();
            }
            jdbc.sql("VACUUM ANALYZE bench_invoice").update();
            jdbc.sql("CHECKPOINT").update();
        }
    }

    /** Rows the audit framework of this variant holds: the proof that it really wrote them. */
    private long auditRows() {
        JdbcClient jdbc = bean(JdbcClient.class);
        return switch (variant) {
            case AUDITED_ASYNC, AUDITED_TRANSACTIONAL, HAND_WRITTEN_INSERT ->
                jdbc.sql("SELECT COUNT(*) FROM " + AUDIT_TABLE).query(Long.class).single();
            case JAVERS -> jdbc.sql("SELECT COUNT(*) FROM " + JAVERS_SNAPSHOTS).query(Long.class).single();
            default -> 0;
        };
    }

    @Override
    public void close() {
        DeliveryCounter counter = bean(DeliveryCounter.class);
        // Rows are counted while the pool is open; the async queue is drained by the close after it.
        long rows = auditRows();
        context.close();
        DeliveryCount count = counter.count();
        report(String.join("\t", variant.name(), database.name(), Long.toString(count.delivered()),
                Long.toString(count.droppedQueueFull()), Long.toString(count.droppedOther()),
                Long.toString(count.captureFailures()), Long.toString(count.sinkFailures()), Long.toString(rows)));
    }

    private static void report(String line) {
        String file = System.getProperty("bench.caller.stats");
        if (file == null) {
            System.out.println("trial report: " + line);
            return;
        }
        try {
            Files.write(Path.of(file), List.of(line), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
