package io.auditrail.benchmarks.caller;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.ResultTable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the caller-overhead benchmarks of issue 9 in passes and prints one table: each pass
 * runs every variant once (one JMH fork each), every ratio is taken within a pass and then
 * summarised as median and range over the passes, like the store benchmarks. System
 * properties size the run: {@code bench.passes} (3), {@code bench.warmup} and
 * {@code bench.measurement} (iterations per fork, 5 and 5: the async capture is still getting
 * faster after 6 s), {@code bench.seconds} (per iteration, 2) and {@code bench.databases}
 * ({@code H2,POSTGRESQL}).
 */
public final class CallerBenchmarks {

    private CallerBenchmarks() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args optionally the file to write the Markdown results to
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        int passes = Integer.getInteger("bench.passes", 3);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int measurement = Integer.getInteger("bench.measurement", 5);
        int seconds = Integer.getInteger("bench.seconds", 2);
        String[] databases = System.getProperty("bench.databases", "H2,POSTGRESQL").split(",");
        Path stats = Files.createTempFile("caller-benchmarks", ".tsv");
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();

        PassScores scores = new PassScores();
        for (int pass = 1; pass <= passes; pass++) {
            System.out.printf(Locale.ROOT, "%n=== pass %d of %d ===%n", pass, passes);
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(CpuCallBenchmark.class.getName() + ".")
                    .include(TransactionalCallBenchmark.class.getName() + ".")
                    .param("database", databases)
                    .forks(1)
                    .warmupIterations(warmup)
                    .warmupTime(TimeValue.seconds(seconds))
                    .measurementIterations(measurement)
                    .measurementTime(TimeValue.seconds(seconds))
                    .jvmArgsAppend("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-Dbench.caller.stats=" + stats)
                    .shouldFailOnError(true);
            scores.add(new Runner(options.build()).run());
        }

        List<TrialReport> reports = Files.readAllLines(stats).stream().map(TrialReport::parse).toList();
        ResultTable results = new ResultTable();
        CallerResults summary = new CallerResults(scores, reports);
        summary.addCpuRows(results);
        for (String database : databases) {
            summary.addTransactionalRows(results, CallerDatabase.valueOf(database));
        }
        String machine = machine(databases, passes, warmup, measurement, seconds, loadAtStart,
                (System.nanoTime() - start) / 60e9);
        String report = machine + "\n\n" + results.toMarkdown() + "\n" + summary.targets(databases);
        System.out.println();
        System.out.println(report);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), report);
        }
        Files.delete(stats);
    }

    private static String machine(String[] databases, int passes, int warmup, int measurement, int seconds,
            double loadAtStart, double minutes) throws SQLException {
        String postgres = Arrays.asList(databases).contains(CallerDatabase.POSTGRESQL.name())
                ? ", PostgreSQL " + postgresVersion() + " (default durability)"
                : "";
        return String.format(Locale.ROOT,
                "Machine: %d cores (nproc), %s %s%s, load average %.1f at start and %.1f at the end;"
                        + " %d passes of one JMH fork per variant (%d warm-up and %d measured iterations of %d s),"
                        + " %.0f minutes in all; figures are medians of the passes with min–max in brackets.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), postgres, loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), passes, warmup, measurement,
                seconds, minutes);
    }

    private static String postgresVersion() throws SQLException {
        try (Connection connection = BenchDatabase.fromEnvironment().connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    /** Each variant's JMH score (average time per call) in every pass. */
    static final class PassScores {

        private final Map<String, List<Double>> byVariant = new HashMap<>();
        private int passes;

        void add(Collection<RunResult> pass) {
            passes++;
            for (RunResult result : pass) {
                String database = result.getParams().getParam("database");
                String key = key(result.getParams().getParam("variant"), database == null ? "H2" : database);
                byVariant.computeIfAbsent(key, k -> new ArrayList<>()).add(result.getPrimaryResult().getScore());
            }
        }

        List<Double> of(CallerVariant variant, CallerDatabase database) {
            List<Double> scores = byVariant.get(key(variant.name(), database.name()));
            if (scores == null || scores.size() != passes) {
                throw new IllegalStateException("no score in every pass for " + variant + " on " + database);
            }
            return scores;
        }

        private static String key(String variant, String database) {
            return variant + "@" + database;
        }
    }
}
