package io.auditrail.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.store.export.ExportBenchmark;
import io.auditrail.benchmarks.store.ingest.IngestBenchmark;
import io.auditrail.benchmarks.store.query.QueryLatencyHarness;
import io.auditrail.benchmarks.store.query.QueryDataset;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.ResultTable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the store benchmarks of issue 4 (ingest, query latency, CSV export) against the
 * PostgreSQL named by the environment and prints one table of figures and ratios, with the
 * machine they were measured on. Sizes come from system properties so a quick trial run is
 * possible: {@code bench.ingest.rows}, {@code bench.read.rows}, {@code bench.ingest.passes},
 * {@code bench.passes} (query and export) and {@code bench.only} (a comma-separated subset of
 * {@code ingest,query,export}). Ingest gets more passes because it swings most with the
 * machine's other disk and CPU load.
 */
public final class StoreBenchmarks {

    private StoreBenchmarks() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args optionally the file to write the Markdown results to
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        BenchDatabase database = BenchDatabase.fromEnvironment();
        int ingestRows = Integer.getInteger("bench.ingest.rows", 200_000);
        int readRows = Integer.getInteger("bench.read.rows", 1_000_000);
        int ingestPasses = Integer.getInteger("bench.ingest.passes", 5);
        int passes = Integer.getInteger("bench.passes", 3);
        Set<String> only = Set.of(System.getProperty("bench.only", "ingest,query,export").split(","));
        ResultTable results = new ResultTable();
        String machine = machine(database, ingestPasses, passes);
        System.out.println(machine);

        if (only.contains("ingest")) {
            new IngestBenchmark(database, ingestRows, ingestPasses).run(results);
        }
        if (only.contains("query") || only.contains("export")) {
            try (HikariDataSource pool = database.pool(1)) {
                long start = System.nanoTime();
                boolean generated = QueryDataset.ensure(database, pool, readRows);
                System.out.printf(Locale.ROOT, "read table %s: %,d rows %s in %.0f s%n", QueryDataset.TABLE, readRows,
                        generated ? "generated" : "reused", (System.nanoTime() - start) / 1e9);
            }
        }
        if (only.contains("query")) {
            new QueryLatencyHarness(database, passes).run(results);
        }
        if (only.contains("export")) {
            new ExportBenchmark(QueryDataset.TABLE, passes).run(results);
        }

        String report = machine + "\n\n" + results.toMarkdown();
        System.out.println();
        System.out.println(report);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), report);
        }
    }

    private static String machine(BenchDatabase database, int ingestPasses, int passes) throws SQLException {
        String postgres;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            postgres = result.getString(1);
        }
        return String.format(Locale.ROOT,
                "Machine: %d cores (nproc), %s %s, PostgreSQL %s (default durability), load average %.1f at start;"
                        + " figures are medians of %d passes for ingest and %d for query and export,"
                        + " with min–max in brackets.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), postgres,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ingestPasses, passes);
    }
}
