package io.auditrail.benchmarks.chain;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sealing rate against ingest rate on one PostgreSQL, in two windows: writers alone (storing
 * batches through the JDBC store as fast as they can), then the backlog they left sealed
 * alone, then writers and one sealer (as the starter runs it) side by side, the sealed count
 * read the moment the window closes. Prints each rate, the ratio and the backlog left, and
 * verifies every chain. Each run uses fresh tables, dropped at the end.
 *
 * <p>Options (system properties): {@code bench.seconds} (default 15), {@code bench.writers} (4),
 * {@code bench.batch} (100), {@code bench.sealers} (sealer threads, 1).
 */
public final class ChainSealingBenchmark {

    private ChainSealingBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        int writers = Integer.getInteger("bench.writers", 4);
        int batch = Integer.getInteger("bench.batch", 100);
        int sealers = Integer.getInteger("bench.sealers", 1);
        BenchDatabase database = BenchDatabase.fromEnvironment();
        String table = "chain_bench_" + Long.toHexString(System.nanoTime() & 0xFFFFFFFL);
        try (HikariDataSource pool = database.pool(writers + sealers + 1)) {
            JdbcAuditChain chain = JdbcAuditChain.builder(pool).tableName(table).checkpointTableName(table + "_cp")
                    .initializeSchema(InitializeSchema.ALWAYS)
                    .hmacKey("benchmark-hmac-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8)).sealerThreads(sealers)
                    .build();
            JdbcAuditStore store = JdbcAuditStore.builder(pool).tableName(table).initializeSchema(InitializeSchema.NEVER)
                    .chain(chain).build();
            try {
                run(store, chain, database, table, seconds, writers, batch);
            } finally {
                drop(database, table);
            }
        }
    }

    private static void run(JdbcAuditStore store, JdbcAuditChain chain, BenchDatabase database, String table,
            int seconds, int writers, int batch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers + chain.sealerThreads());
        try {
            long aloneWritten = ingest(pool, store, null, database, table, seconds / 2, writers, batch).written();
            double aloneIngestRate = aloneWritten / (seconds / 2.0);
            long drainStart = System.nanoTime();
            long drained = chain.sealPending();
            double drainRate = drained / ((System.nanoTime() - drainStart) / 1e9);

            long sealedBefore = count(database, table + "_leaves", "1 = 1");
            Window both = ingest(pool, store, chain, database, table, seconds, writers, batch);
            long sealedDuring = both.sealedAtEnd() - sealedBefore;
            long backlog = both.backlogAtEnd();
            chain.sealPending();
            boolean intact = chain.organizations().stream().allMatch(org -> chain.verify(org, null, null).intact());

            double ingestRate = both.written() / (double) seconds;
            double sealRate = sealedDuring / (double) seconds;
            System.out.printf(Locale.ROOT, "writers=%d batch=%d seconds=%d sealer threads=%d%n", writers, batch, seconds,
                    chain.sealerThreads());
            System.out.printf(Locale.ROOT, "ingest alone:            %,8.0f rows/s%n", aloneIngestRate);
            System.out.printf(Locale.ROOT, "sealing alone (backlog): %,8.0f rows/s (%,d rows)%n", drainRate, drained);
            System.out.printf(Locale.ROOT, "ingest while sealing:    %,8.0f rows/s%n", ingestRate);
            System.out.printf(Locale.ROOT, "sealing while ingesting: %,8.0f rows/s = %.2f x ingest; backlog when the window closed %,d rows%n",
                    sealRate, sealRate / ingestRate, backlog);
            System.out.printf(Locale.ROOT, "every chain verifies: %s%n", intact);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one timed window wrote, and the sealed and unsealed rows counted the moment it closed. */
    private record Window(long written, long sealedAtEnd, long backlogAtEnd) {
    }

    /** One timed window of writers, with the sealer beside them when {@code chain} is given. */
    private static Window ingest(ExecutorService pool, JdbcAuditStore store, JdbcAuditChain chain,
            BenchDatabase database, String table, int seconds, int writers, int batch) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            tasks.add(pool.submit(() -> {
                EventGenerator generator = new EventGenerator();
                while (running.get()) {
                    List<AuditEvent> events = generator.events(batch);
                    store.write(events);
                    written.addAndGet(events.size());
                }
                return null;
            }));
        }
        for (int p = 0; chain != null && p < chain.sealerThreads(); p++) {
            int partition = p;
            tasks.add(pool.submit(() -> {
                while (running.get()) {
                    if (chain.sealPending(partition) == 0) {
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        long writtenAtEnd = written.get();
        long sealedAtEnd = chain == null ? 0 : count(database, table + "_leaves", "1 = 1");
        long backlogAtEnd = chain == null ? 0 : count(database, table, "1 = 1") - sealedAtEnd;
        running.set(false);
        for (Future<?> task : tasks) {
            task.get();
        }
        return new Window(writtenAtEnd, sealedAtEnd, backlogAtEnd);
    }

    private static long count(BenchDatabase database, String table, String condition) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + condition)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void drop(BenchDatabase database, String table) throws SQLException {
        for (String sql : List.of("DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS " + table + "_leaves",
                "DROP TABLE IF EXISTS " + table + "_nodes", "DROP TABLE IF EXISTS " + table + "_purge_gate",
                "DROP TABLE IF EXISTS " + table + "_cp", "DROP FUNCTION IF EXISTS " + table + "_append_only() CASCADE",
                "DROP FUNCTION IF EXISTS " + table + "_log_immutable() CASCADE",
                "DROP FUNCTION IF EXISTS " + table + "_log_purge(VARCHAR, BIGINT)")) {
            database.execute(sql);
        }
    }
}
