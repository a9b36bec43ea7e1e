package io.auditrail.benchmarks.store.export;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.JdbcAuditStoreBuilder;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child JVM of {@link ExportBenchmark}: runs one export of a whole table and prints one
 * {@code RESULT} line with the rows, bytes, seconds, the JVM's CPU seconds (all its threads,
 * which a loaded machine does not inflate as it does the elapsed time) and heap peaks.
 */
public final class ExportWorker {

    private ExportWorker() {
    }

    /**
     * Runs one export.
     *
     * @param args {@code store} or {@code raw}, then the table name
     * @throws Exception when the export fails; the parent reports the exit status
     */
    public static void main(String[] args) throws Exception {
        String variant = args[0];
        String table = args[1];
        BenchDatabase database = BenchDatabase.fromEnvironment();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        JdbcAuditStore store = JdbcAuditStore.builder(dataSource).tableName(table)
                .initializeSchema(InitializeSchema.NEVER).build();
        RawCsvExport raw = new RawCsvExport(dataSource, table, JdbcAuditStoreBuilder.DEFAULT_EXPORT_FETCH_SIZE);
        CountingOutputStream out = new CountingOutputStream();
        HeapSampler heap = new HeapSampler();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long startCpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long rows = switch (variant) {
            case "store" -> store.export(AuditQuery.builder().build(), ExportFormat.CSV, out);
            case "raw" -> raw.export(out);
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - startCpu) / 1e9;
        heap.close();
        System.out.printf(Locale.ROOT, "RESULT rows=%d bytes=%d seconds=%.3f cpuSeconds=%.3f peakUsed=%d peakAfterGc=%d maxHeap=%d%n",
                rows, out.bytes(), seconds, cpuSeconds, heap.peakUsed(), heap.peakAfterCollection(),
                Runtime.getRuntime().maxMemory());
    }
}
