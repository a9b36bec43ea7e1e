package io.auditrail.benchmarks.store.ingest;

import io.auditrail.jdbc.JdbcAuditStore;

/** The store's own {@code write(List)}, called with consecutive slices of one batch size. */
final class StoreBatchIngest implements IngestMethod {

    private final JdbcAuditStore store;
    private final String table;
    private final int batchSize;

    StoreBatchIngest(JdbcAuditStore store, String table, int batchSize) {
        this.store = store;
        this.table = table;
        this.batchSize = batchSize;
    }

    @Override
    public String label() {
        return "store `write(List)`, batch " + batchSize;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void ingest(IngestRows rows) {
        for (int from = 0; from < rows.size(); from += batchSize) {
            store.write(rows.events().subList(from, Math.min(from + batchSize, rows.size())));
        }
    }
}
