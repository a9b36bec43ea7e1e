package io.auditrail.benchmarks.client;

import io.auditrail.benchmarks.server.ServerProcess;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.client.AuditrailClient;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.jdbc.JdbcAuditStore;
import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@code query} page latency and export rows per second through {@link AuditrailClient} against
 * a real audit-server (its packaged jar, in a child JVM, on the Debian PostgreSQL), beside the
 * store's own read of the same rows ({@link JdbcAuditStore} in this JVM on the same database),
 * in the same run: medians of passes with their range, and each client figure as a ratio of
 * the store's. The client sends the same queries, organisation included (the key's own).
 *
 * <p>Arguments: the server jar and the results file. Sizes: {@code -Dbench.events} (100,000),
 * {@code -Dbench.passes} (3), {@code -Dbench.queries} (200 pages a pass).
 */
public final class ClientReadBenchmark {

    private static final String ORGANIZATION = "client21-bench";

    private ClientReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path serverJar = Path.of(args[0]);
        Path results = Path.of(args[1]);
        int events = Integer.getInteger("bench.events", 100_000);
        int passes = Integer.getInteger("bench.passes", 3);
        int queries = Integer.getInteger("bench.queries", 200);
        BenchDatabase database = BenchDatabase.fromEnvironment();
        try (ServerProcess server = ServerProcess.start(serverJar, database, ORGANIZATION, List.of());
                HikariDataSource pool = database.pool(4)) {
            URI base = server.base();
            database.execute("DELETE FROM audit_events WHERE organization_id = '" + ORGANIZATION + "'");
            JdbcAuditStore store = JdbcAuditStore.builder(pool).build();
            List<AuditEvent> generated = new EventGenerator().events(events);
            for (int from = 0; from < generated.size(); from += 1000) {
                store.write(generated.subList(from, Math.min(generated.size(), from + 1000)).stream()
                        .map(event -> event.toBuilder().organizationId(ORGANIZATION).build()).toList());
            }
            AuditrailClient client = AuditrailClient.builder().baseUri(base).apiKey(server.apiKey())
                    .allowLoopbackHttp(true).requestTimeout(Duration.ofSeconds(120)).build();
            List<String> lines = new ArrayList<>();
            lines.add("# Client reads against audit-server beside the store's own reads");
            lines.add("");
            lines.add(String.format(Locale.ROOT, "%,d events of one organisation on PostgreSQL; %d passes; "
                    + "load average at start %.2f on %d cores.", events, passes,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors()));
            lines.add("");
            lines.add("| figure | store | client via audit-server | client / store |");
            lines.add("|---|---|---|---|");
            for (int offset : new int[] {0, 10_000}) {
                AuditQuery page = AuditQuery.builder().organizationId(ORGANIZATION).limit(50).offset(offset).build();
                Spread storeMs = passes(passes, () -> latencyMicros(queries, () -> store.query(page).events().size()));
                Spread clientMs = passes(passes, () -> latencyMicros(queries,
                        () -> client.query(page).events().size()));
                lines.add(row("query page of 50 at offset " + offset + ", median µs", storeMs, clientMs));
            }
            AuditQuery all = AuditQuery.builder().organizationId(ORGANIZATION).build();
            Spread storeRows = passes(passes, () -> rowsPerSecond(events,
                    () -> store.export(all, ExportFormat.JSON_LINES, OutputStream.nullOutputStream())));
            Spread clientRows = passes(passes, () -> rowsPerSecond(events, () -> {
                try (Stream<AuditEvent> stream = client.exportEvents(all)) {
                    return stream.count();
                }
            }));
            Spread clientCsv = passes(passes, () -> rowsPerSecond(events,
                    () -> client.export(all, ExportFormat.CSV, new LineCounter()) >= 0 ? events : 0));
            lines.add(row("export, events/s (store JSON Lines; client as events)", storeRows, clientRows));
            lines.add(row("export, events/s (store JSON Lines; client CSV bytes)", storeRows, clientCsv));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Load average at end %.2f.",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            database.execute("DELETE FROM audit_events WHERE organization_id = '" + ORGANIZATION + "'");
            Files.write(results, lines);
            lines.forEach(System.out::println);
        }
    }

    private static String row(String figure, Spread store, Spread client) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %.2f |", figure, format(store), format(client),
                client.median() / store.median());
    }

    private static String format(Spread spread) {
        return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", spread.median(), spread.min(), spread.max());
    }

    private interface Pass {
        double run() throws Exception;
    }

    private static Spread passes(int passes, Pass pass) throws Exception {
        pass.run();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            values.add(pass.run());
        }
        return Spread.of(values);
    }

    /** Median latency of single page reads, in microseconds. */
    private static double latencyMicros(int calls, LongSupplier call) {
        long[] micros = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            if (call.getAsLong() == 0) {
                throw new IllegalStateException("an empty page: the benchmark's rows are missing");
            }
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        java.util.Arrays.sort(micros);
        return micros[calls / 2];
    }

    private static double rowsPerSecond(int expected, LongSupplier export) {
        long start = System.nanoTime();
        long rows = export.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rows != expected) {
            throw new IllegalStateException("exported " + rows + " rows, expected " + expected);
        }
        return rows / seconds;
    }

    /** Discards the bytes it is given. */
    private static final class LineCounter extends OutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
