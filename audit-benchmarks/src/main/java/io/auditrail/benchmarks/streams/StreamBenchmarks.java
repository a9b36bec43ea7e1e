package io.auditrail.benchmarks.streams;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.core.stream.StreamSettings;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.stream.JdbcStreams;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two figures, each a median of passes on fresh tables in the benchmark PostgreSQL:
 * <ol>
 * <li>backlog: one stream delivering N stored events (batches of 100, Auditrail JSON, signed)
 *     to a loopback webhook receiver, in events per second, over the store's own read rate of
 *     the same rows (the deliverer's select and row mapping, batches of 100, no HTTP);</li>
 * <li>lag: a writer ingests 1,000 events per second (100 every 100 ms) for a window while the
 *     deliverer runs on its own threads (poll interval 250 ms); the receiver records, per event,
 *     arrival time minus event time.</li>
 * </ol>
 * Run with {@code AUDITRAIL_BENCH_URL} (and user, password) set:
 * {@code java -cp <classpath> io.auditrail.benchmarks.streams.StreamBenchmarks [results.md]}.
 */
public final class StreamBenchmarks {

    private static final String ORG = "org-bench";
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    private StreamBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int passes = Integer.getInteger("bench.passes", 3);
        int rows = Integer.getInteger("bench.streams.rows", 50_000);
        int lagSeconds = Integer.getInteger("bench.streams.lag.seconds", 20);
        BenchDatabase database = BenchDatabase.fromEnvironment();
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs; load average at start %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        List<Double> read = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> lagP50 = new ArrayList<>();
        List<Double> lagP99 = new ArrayList<>();
        List<Double> lagMax = new ArrayList<>();
        for (int pass = 1; pass <= passes; pass++) {
            try (HikariDataSource pool = database.pool(6); Receiver receiver = new Receiver()) {
                Tables tables = new Tables(database, pool);
                try {
                    fill(tables.store, rows);
                    double readRate = readRate(pool, tables.events, rows);
                    double deliveryRate = deliveryRate(pool, tables, receiver, rows);
                    read.add(readRate);
                    delivered.add(deliveryRate);
                    ratio.add(deliveryRate / readRate);
                    System.out.printf(Locale.ROOT, "  backlog pass %d: read %,.0f rows/s, delivered %,.0f events/s = %.2fx;"
                            + " load %s%n", pass, readRate, deliveryRate, deliveryRate / readRate, loadAverage());
                } finally {
                    tables.drop();
                }
            }
            try (HikariDataSource pool = database.pool(6); Receiver receiver = new Receiver()) {
                Tables tables = new Tables(database, pool);
                try {
                    List<Long> lags = lag(pool, tables, receiver, lagSeconds);
                    lagP50.add(percentile(lags, 0.50));
                    lagP99.add(percentile(lags, 0.99));
                    lagMax.add(percentile(lags, 1.0));
                    System.out.printf(Locale.ROOT, "  lag pass %d: %,d events, p50 %.0f ms, p99 %.0f ms, max %.0f ms;"
                            + " load %s%n", pass, lags.size(), lagP50.get(lagP50.size() - 1),
                            lagP99.get(lagP99.size() - 1), lagMax.get(lagMax.size() - 1), loadAverage());
                } finally {
                    tables.drop();
                }
            }
        }
        String markdown = String.format(Locale.ROOT, """
                | figure | median (min–max) of %d passes |
                |---|---|
                | store read of %,d rows (select + mapping, batches of 100) | %s rows/s |
                | stream delivery of the same rows to a loopback webhook | %s events/s |
                | delivery ÷ read | %s× |
                | lag at 1,000 events/s, p50 | %s ms |
                | lag at 1,000 events/s, p99 | %s ms |
                | lag at 1,000 events/s, max | %s ms |
                """, passes, rows, Spread.of(read).format("%,.0f"), Spread.of(delivered).format("%,.0f"),
                Spread.of(ratio).format("%.2f"), Spread.of(lagP50).format("%.0f"), Spread.of(lagP99).format("%.0f"),
                Spread.of(lagMax).format("%.0f"));
        System.out.println();
        System.out.print(markdown);
        System.out.printf(Locale.ROOT, "load average at end %s%n", loadAverage());
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), markdown);
        }
    }

    private static void fill(JdbcAuditStore store, int rows) {
        EventGenerator generator = new EventGenerator();
        for (int written = 0; written < rows; written += 1000) {
            List<AuditEvent> batch = generator.events(Math.min(1000, rows - written)).stream()
                    .map(e -> e.toBuilder().organizationId(ORG).build()).toList();
            store.write(batch);
        }
    }

    private static double readRate(HikariDataSource pool, String events, int rows) throws Exception {
        String sql = "SELECT " + EventColumns.SELECTED + " FROM " + events
                + " WHERE organization_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT 100";
        long start = System.nanoTime();
        long read = 0;
        long cursor = -1;
        try (Connection connection = pool.getConnection()) {
            EventRowMapper mapper = new EventRowMapper(SqlDialect.detect(connection), new AuditEventCodec());
            while (read < rows) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, ORG);
                    statement.setLong(2, cursor);
                    statement.setLong(3, Long.MAX_VALUE);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            cursor = mapper.map(result).sequence();
                            read++;
                        }
                    }
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

    private static double deliveryRate(HikariDataSource pool, Tables tables, Receiver receiver, int rows) {
        JdbcStreams streams = tables.streams(Duration.ofSeconds(1));
        try {
            streams.service().create(ORG, new NewStream("bench", DestinationKind.WEBHOOK, receiver.url(),
                    StreamFormat.AUDITRAIL_JSON, "whsec_" + key(32), StartPoint.backfillFrom(Instant.EPOCH)));
            long start = System.nanoTime();
            while (receiver.events.get() < rows) {
                streams.deliverDueNow();
            }
            return receiver.events.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            streams.close();
        }
    }

    private static List<Long> lag(HikariDataSource pool, Tables tables, Receiver receiver, int seconds) throws Exception {
        JdbcStreams streams = tables.streams(Duration.ofMillis(250));
        try {
            streams.service().create(ORG, new NewStream("bench", DestinationKind.WEBHOOK, receiver.url(),
                    StreamFormat.AUDITRAIL_JSON, "whsec_" + key(32), StartPoint.now()));
            streams.start();
            EventGenerator generator = new EventGenerator();
            long start = System.nanoTime();
            int written = 0;
            for (int tick = 0; tick < seconds * 10; tick++) {
                long due = start + tick * 100_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Instant now = Instant.now();
                tables.store.write(generator.events(100).stream()
                        .map(e -> e.toBuilder().organizationId(ORG).timestamp(now).build()).toList());
                written += 100;
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (receiver.lags.size() < written && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return new ArrayList<>(receiver.lags);
        } finally {
            streams.close();
        }
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(index);
    }

    private static String key(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Fresh tables for one pass, dropped afterwards. */
    private static final class Tables {
        final String events = "streams_core_ev_" + Long.toHexString(System.nanoTime() & 0xFFFFFFFL);
        final String streamsTable = events.replace("_ev_", "_st_");
        final BenchDatabase database;
        final HikariDataSource pool;
        final JdbcAuditStore store;

        Tables(BenchDatabase database, HikariDataSource pool) {
            this.database = database;
            this.pool = pool;
            this.store = JdbcAuditStore.builder(pool).tableName(events).initializeSchema(InitializeSchema.ALWAYS).build();
        }

        JdbcStreams streams(Duration pollInterval) {
            StreamSettings settings = StreamSettings.builder(key(32)).allowDestinations(List.of("127.0.0.1/32"))
                    .allowPlainHttp(true).pollInterval(pollInterval).build();
            return JdbcStreams.builder(pool, settings).eventsTableName(events).streamsTableName(streamsTable)
                    .initializeSchema(InitializeSchema.ALWAYS).build();
        }

        void drop() throws Exception {
            database.execute("DROP TABLE IF EXISTS " + streamsTable + "_refused");
            database.execute("DROP TABLE IF EXISTS " + streamsTable);
            database.execute("DROP TABLE IF EXISTS " + events);
        }
    }

    /** A loopback webhook receiver that counts events and, per event, arrival minus event time. */
    private static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final AtomicLong events = new AtomicLong();
        final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                long now = System.currentTimeMillis();
                Matcher matcher = TIMESTAMP.matcher(body);
                boolean envelope = true;
                while (matcher.find()) {
                    if (envelope) {
                        envelope = false;
                        continue;
                    }
                    events.incrementAndGet();
                    lags.add(now - Instant.parse(matcher.group(1)).toEpochMilli());
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
