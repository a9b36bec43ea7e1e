package io.auditrail.benchmarks.chain;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.ResultTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The transparency log's benchmarks of issue 18, in one run: sealing rate over ingest rate
 * ({@link SealingRatio}), inclusion-proof latency in a large tree ({@link ProofLatency}) and
 * full verification against a raw read ({@link VerificationRate}). Prints every pass, then one
 * Markdown table; fresh tables, dropped at the end.
 *
 * <p>Options (system properties): {@code bench.parts} ({@code seal,proof,verify});
 * {@code bench.passes} (3); {@code bench.seal.seconds} (10, per window);
 * {@code bench.seal.configs} (writers x sealer threads, optionally {@code @} the sealer's batch
 * size, 5,000 by default: {@code 1x1,2x1,2x2}); {@code bench.batch}
 * (events per write, 100); {@code bench.proof.leaves} (5,000,000); {@code bench.proof.samples}
 * (1,000 per pass); {@code bench.verify.events} (1,000,000); {@code bench.build.batch} (the large
 * log's {@code batch-size}, which is also the verifier's fetch size, 5,000). The large trees are
 * built by {@link LeafGenerator}, not by the sealer.
 */
public final class LogBenchmarks {

    /** The sealer's rows per pass unless a configuration names another: the default of {@code auditrail.chain.batch-size}. */
    private static final int DEFAULT_SEAL_BATCH = 5_000;

    private static final String LARGE_ORGANIZATION = "org-large";
    private static final String VERIFIED_ORGANIZATION = "org-verified";

    private LogBenchmarks() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args optionally, a file to write the results table to
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        List<String> parts = Arrays.asList(System.getProperty("bench.parts", "seal,proof,verify").split(","));
        int passes = Integer.getInteger("bench.passes", 3);
        BenchDatabase database = BenchDatabase.fromEnvironment();
        ResultTable table = new ResultTable();
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs; load average at start %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        if (parts.contains("seal")) {
            seal(database, passes, table);
        }
        if (parts.contains("proof") || parts.contains("verify")) {
            large(database, passes, parts, table);
        }
        String markdown = table.toMarkdown();
        System.out.println();
        System.out.print(markdown);
        System.out.printf(Locale.ROOT, "load average at end %s%n", loadAverage());
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), markdown);
        }
    }

    private static void seal(BenchDatabase database, int passes, ResultTable table) throws Exception {
        int seconds = Integer.getInteger("bench.seal.seconds", 10);
        int batch = Integer.getInteger("bench.batch", 100);
        SealingRatio ratio = new SealingRatio(database, seconds, batch);
        for (String config : System.getProperty("bench.seal.configs", "1x1,2x1,2x2").split(",")) {
            String[] numbers = config.trim().split("[x@]");
            int sealBatch = numbers.length > 2 ? Integer.parseInt(numbers[2]) : DEFAULT_SEAL_BATCH;
            SealingRatio.Result result = ratio.measure(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]),
                    sealBatch, passes);
            table.add("sealing ÷ ingest, " + result.writers() + " writer(s) × " + batch + "-event batches, "
                    + result.sealers() + " sealer thread(s), batch-size " + result.sealBatch() + ", " + seconds
                    + " s windows",
                    "sealed while ingesting " + result.sealedWhileIngesting().format("%,.0f") + " rows/s",
                    "ingest while sealing " + result.ingestWhileSealing().format("%,.0f") + " rows/s",
                    "**" + result.ratio().format("%.2f") + "×**",
                    "ingest alone " + result.ingestAlone().format("%,.0f") + " rows/s; backlog sealed alone "
                            + result.drainAlone().format("%,.0f") + " rows/s; backlog at window end "
                            + result.backlog().format("%,.0f") + " rows; sealer thread on CPU "
                            + result.sealerCpuShare().format("%.2f") + " of the window");
        }
    }

    private static void large(BenchDatabase database, int passes, List<String> parts, ResultTable table)
            throws Exception {
        long leaves = Long.getLong("bench.proof.leaves", 5_000_000L);
        long verified = Long.getLong("bench.verify.events", 1_000_000L);
        int buildBatch = Integer.getInteger("bench.build.batch", 5_000);
        try (HikariDataSource pool = database.pool(4);
                BenchLog log = BenchLog.create(database, pool, "log_large", 1, buildBatch)) {
            LargeLog builder = new LargeLog(database, log);
            if (parts.contains("proof")) {
                LargeLog.Build build = builder.build(LARGE_ORGANIZATION, leaves);
                log.chain().writeCheckpoints();
                String sizes = relationSizes(log);
                ProofLatency.Result result = new ProofLatency(pool, log, LARGE_ORGANIZATION, leaves)
                        .measure(passes, Integer.getInteger("bench.proof.samples", 1_000), 300);
                table.add(String.format(Locale.ROOT, "inclusion proof p95, one tree of %,d leaves", leaves),
                        result.proofP95().format("%.2f") + " ms",
                        "bare node SELECT p95 " + result.bareP95().format("%.2f") + " ms",
                        result.ratioP95().format("%.2f") + "×",
                        "p50 " + result.proofP50().format("%.2f") + " ms (bare " + result.bareP50().format("%.2f")
                                + " ms), p99 " + result.proofP99().format("%.2f") + " ms; "
                                + String.format(Locale.ROOT, "built in %.0f s insert + %.0f s leaf generator (%,.0f rows/s); ",
                                        build.insertSeconds(), build.sealSeconds(), leaves / build.sealSeconds())
                                + sizes);
            }
            if (parts.contains("verify")) {
                builder.build(VERIFIED_ORGANIZATION, verified);
                log.chain().writeCheckpoints();
                VerificationRate.Result result = new VerificationRate(pool, log, VERIFIED_ORGANIZATION, 500)
                        .measure(passes);
                table.add(String.format(Locale.ROOT, "full verification of %,d events", result.rows()),
                        result.verifyRate().format("%,.0f") + " rows/s",
                        "raw streaming SELECT " + result.rawRate().format("%,.0f") + " rows/s",
                        result.ratio().format("%.2f") + "×", "one organisation's whole tree, fetch size 500");
            }
        }
    }

    private static String relationSizes(BenchLog log) throws java.sql.SQLException {
        return String.format(Locale.ROOT, "events %,d MB, leaves %,d MB, nodes %,d MB with indexes",
                log.scalar("SELECT pg_total_relation_size('" + log.table() + "') / 1048576"),
                log.scalar("SELECT pg_total_relation_size('" + log.leaves() + "') / 1048576"),
                log.scalar("SELECT pg_total_relation_size('" + log.nodes() + "') / 1048576"));
    }

    /** The 1-, 5- and 15-minute load averages: other work shares this machine. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
