package io.auditrail.benchmarks.store.export;

import io.auditrail.benchmarks.support.ResultTable;
import io.auditrail.benchmarks.support.Spread;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exports the whole read table as CSV through the store and through the raw baseline, each
 * pass in a fresh child JVM capped at {@value #HEAP_LIMIT}: finishing at all shows the
 * export streams, and the child's heap sampler says how much it needed. The two take turns
 * within each pass. With {@code bench.export.before-classpath} set to another build's class path,
 * that build's store export takes its turn too, so a change is measured before and after in
 * the same run.
 */
public final class ExportBenchmark {

    private static final String HEAP_LIMIT = "-Xmx64m";
    private static final double MEBIBYTE = 1024 * 1024;

    private final String table;
    private final int passes;
    private final String beforeClasspath = System.getProperty("bench.export.before-classpath");

    /**
     * Creates the benchmark.
     *
     * @param table the table to export, already filled
     * @param passes exports per variant
     */
    public ExportBenchmark(String table, int passes) {
        this.table = table;
        this.passes = passes;
    }

    /**
     * Runs the exports and adds the export rows.
     *
     * @param results the table to add to
     * @throws IOException when a child cannot be started or fails
     * @throws InterruptedException when interrupted while waiting for a child
     */
    public void run(ResultTable results) throws IOException, InterruptedException {
        List<ExportRun> store = new ArrayList<>();
        List<ExportRun> raw = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> beforeCpuRatios = new ArrayList<>();
        List<ExportRun> before = new ArrayList<>();
        List<Double> beforeRatios = new ArrayList<>();
        String classpath = System.getProperty("java.class.path");
        for (int pass = 1; pass <= passes; pass++) {
            ExportRun rawRun = runChild("raw", pass, classpath);
            if (beforeClasspath != null) {
                ExportRun beforeRun = runChild("store", pass, beforeClasspath);
                before.add(beforeRun);
                beforeRatios.add(beforeRun.rowsPerSecond() / rawRun.rowsPerSecond());
                beforeCpuRatios.add(rawRun.cpuMicrosPerRow() / beforeRun.cpuMicrosPerRow());
            }
            ExportRun storeRun = runChild("store", pass, classpath);
            if (storeRun.rows() != rawRun.rows()) {
                throw new IllegalStateException("store exported " + storeRun.rows() + " rows, raw " + rawRun.rows());
            }
            raw.add(rawRun);
            store.add(storeRun);
            ratios.add(storeRun.rowsPerSecond() / rawRun.rowsPerSecond());
            cpuRatios.add(rawRun.cpuMicrosPerRow() / storeRun.cpuMicrosPerRow());
        }
        long rows = store.get(0).rows();
        results.add("export " + rows / 1000 + "k rows, CSV to a discarding stream, child JVM " + HEAP_LIMIT,
                rate(store) + " rows/s; completed under " + HEAP_LIMIT + "; " + heap(store),
                rate(raw) + " rows/s; " + heap(raw) + " (raw streaming JDBC, simple CSV)",
                Spread.of(ratios).format("%.2f") + "×",
                String.format(Locale.ROOT, "store CSV %.0f MB vs raw %.0f MB", store.get(0).bytes() / MEBIBYTE,
                        raw.get(0).bytes() / MEBIBYTE));
        results.add("export, client CPU per row (all threads of the child JVM; raw ÷ store, so higher is better)",
                cpu(store) + " µs/row", cpu(raw) + " µs/row (raw)", Spread.of(cpuRatios).format("%.2f") + "×", "");
        if (beforeClasspath != null) {
            results.add("export, client CPU per row, the build before the change", cpu(before) + " µs/row",
                    cpu(raw) + " µs/row (raw)", Spread.of(beforeCpuRatios).format("%.2f") + "×", "");
            results.add("export, the build before the change (bench.export.before-classpath)",
                    rate(before) + " rows/s; " + heap(before), rate(raw) + " rows/s (same raw runs)",
                    Spread.of(beforeRatios).format("%.2f") + "×",
                    String.format(Locale.ROOT, "CSV %.0f MB", before.get(0).bytes() / MEBIBYTE));
        }
    }

    private ExportRun runChild(String variant, int pass, String classpath) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, HEAP_LIMIT, "-cp", classpath,
                ExportWorker.class.getName(), variant, table)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int status = child.waitFor();
        if (status != 0 || result == null) {
            throw new IOException("export child '" + variant + "' failed with exit status " + status);
        }
        ExportRun run = ExportRun.parse(result);
        System.out.printf(Locale.ROOT,
                "export pass %d  %-6s %,10.0f rows/s  %.2f µs CPU/row  heap peak %.1f MB, after GC %.1f MB%n", pass,
                classpath.equals(beforeClasspath) ? "before" : variant, run.rowsPerSecond(), run.cpuMicrosPerRow(),
                run.peakUsed() / MEBIBYTE, run.peakAfterGc() / MEBIBYTE);
        return run;
    }

    private static String rate(List<ExportRun> runs) {
        return Spread.of(runs.stream().map(ExportRun::rowsPerSecond).toList()).format("%,.0f");
    }

    private static String cpu(List<ExportRun> runs) {
        return Spread.of(runs.stream().map(ExportRun::cpuMicrosPerRow).toList()).format("%.2f");
    }

    private static String heap(List<ExportRun> runs) {
        return String.format(Locale.ROOT, "heap peak %s MB, after GC %s MB",
                Spread.of(runs.stream().map(run -> run.peakUsed() / MEBIBYTE).toList()).format("%.0f"),
                Spread.of(runs.stream().map(run -> run.peakAfterGc() / MEBIBYTE).toList()).format("%.0f"));
    }
}
