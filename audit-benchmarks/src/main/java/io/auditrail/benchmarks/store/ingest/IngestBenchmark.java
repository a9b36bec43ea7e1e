package io.auditrail.benchmarks.store.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.BenchTables;
import io.auditrail.benchmarks.support.CpuClock;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.benchmarks.support.ResultTable;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.jdbc.JdbcAuditStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingests the same events with every {@link IngestMethod}. The methods take turns within
 * each pass, so a slow phase of the machine hits all of them rather than one, and each
 * ratio is taken against the raw batch of the same pass before the passes are summarised.
 * Beside the rate, each pass reports the CPU time per row of this JVM and of the database's
 * backends ({@link CpuClock}), which a busy machine inflates far less than elapsed time.
 */
public final class IngestBenchmark {

    private static final int BATCH_SIZE = 1000;
    private static final int WARM_UP_ROWS = 20_000;

    private final BenchDatabase database;
    private final int rows;
    private final int passes;
    private final CpuClock cpu;

    /**
     * Creates the benchmark.
     *
     * @param database the PostgreSQL to write to
     * @param rows events per pass
     * @param passes measured passes per method
     */
    public IngestBenchmark(BenchDatabase database, int rows, int passes) {
        this.database = database;
        this.rows = rows;
        this.passes = passes;
        this.cpu = new CpuClock(database);
    }

    /**
     * Runs every method for every pass and adds one row per method.
     *
     * @param results the table to add to
     * @throws Exception when a method or the database fails
     */
    public void run(ResultTable results) throws Exception {
        IngestRows data = IngestRows.of(new EventGenerator().events(rows));
        try (HikariDataSource pool = database.pool(4)) {
            JdbcAuditStore store = BenchTables.create(pool, "bench_ingest_store");
            BenchTables.create(pool, "bench_ingest_raw");
            BenchTables.create(pool, "bench_ingest_copy");
            RawBatchIngest raw = new RawBatchIngest(pool, "bench_ingest_raw", BATCH_SIZE, false);
            List<IngestMethod> methods = List.of(raw,
                    new RawBatchIngest(pool, "bench_ingest_raw", BATCH_SIZE, true),
                    new CopyIngest(pool, "bench_ingest_copy", BATCH_SIZE),
                    new StoreBatchIngest(store, "bench_ingest_store", BATCH_SIZE),
                    new AsyncDispatcherIngest(store, "bench_ingest_store", BATCH_SIZE, 1),
                    new AsyncDispatcherIngest(store, "bench_ingest_store", BATCH_SIZE, 2));
            for (IngestMethod method : methods) {
                timedPass(method, data.first(WARM_UP_ROWS));
            }
            Map<IngestMethod, List<Double>> rates = new LinkedHashMap<>();
            Map<IngestMethod, List<Double>> ratios = new LinkedHashMap<>();
            Map<IngestMethod, List<Double>> cpuPerRow = new LinkedHashMap<>();
            Map<IngestMethod, List<Double>> cpuRatios = new LinkedHashMap<>();
            for (int pass = 1; pass <= passes; pass++) {
                Map<IngestMethod, Pass> thisPass = new LinkedHashMap<>();
                for (IngestMethod method : methods) {
                    Pass measured = timedPass(method, data);
                    thisPass.put(method, measured);
                    System.out.printf(Locale.ROOT, "ingest pass %d  %-70s %,10.0f rows/s  %6.1f µs CPU/row (client %.1f)%n",
                            pass, method.label(), measured.rate(), measured.cpuMicrosPerRow(),
                            measured.clientMicrosPerRow());
                }
                Pass rawPass = thisPass.get(raw);
                thisPass.forEach((method, measured) -> {
                    rates.computeIfAbsent(method, m -> new ArrayList<>()).add(measured.rate());
                    ratios.computeIfAbsent(method, m -> new ArrayList<>()).add(measured.rate() / rawPass.rate());
                    cpuPerRow.computeIfAbsent(method, m -> new ArrayList<>()).add(measured.cpuMicrosPerRow());
                    cpuRatios.computeIfAbsent(method, m -> new ArrayList<>())
                            .add(rawPass.cpuMicrosPerRow() / measured.cpuMicrosPerRow());
                });
            }
            Spread baseline = Spread.of(rates.get(raw));
            for (IngestMethod method : methods) {
                results.add("ingest " + rows / 1000 + "k: " + method.label(),
                        Spread.of(rates.get(method)).format("%,.0f") + " rows/s",
                        baseline.format("%,.0f") + " rows/s (raw batch)",
                        Spread.of(ratios.get(method)).format("%.2f") + "×",
                        method == raw ? "the baseline" : "");
            }
            Spread cpuBaseline = Spread.of(cpuPerRow.get(raw));
            for (IngestMethod method : methods) {
                results.add("ingest " + rows / 1000 + "k, CPU per row (client + server): " + method.label(),
                        Spread.of(cpuPerRow.get(method)).format("%.1f") + " µs",
                        cpuBaseline.format("%.1f") + " µs (raw batch)",
                        Spread.of(cpuRatios.get(method)).format("%.2f") + "×",
                        method == raw ? "the baseline; ratio = raw's CPU per row ÷ this one's" : "");
            }
        }
    }

    private Pass timedPass(IngestMethod method, IngestRows data) throws Exception {
        BenchTables.reset(database, method.table());
        CpuClock.Reading cpuBefore = cpu.read();
        long start = System.nanoTime();
        method.ingest(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuClock.Spent spent = CpuClock.between(cpuBefore, cpu.read());
        long stored = count(method.table());
        if (stored != data.size()) {
            throw new IllegalStateException(method.label() + " stored " + stored + " of " + data.size() + " rows");
        }
        return new Pass(data.size() / seconds, spent.totalNanos() / 1e3 / data.size(),
                spent.clientNanos() / 1e3 / data.size());
    }

    /** One method's pass: its rate, and its CPU time per row on both sides and on the client's. */
    private record Pass(double rate, double cpuMicrosPerRow, double clientMicrosPerRow) {
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
