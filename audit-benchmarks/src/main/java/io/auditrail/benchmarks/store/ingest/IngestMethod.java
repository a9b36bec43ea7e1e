package io.auditrail.benchmarks.store.ingest;

/** One way of getting the benchmark's rows into PostgreSQL, timed from its first row to its last commit. */
interface IngestMethod {

    /** Short label for the results table. */
    String label();

    /** The table this method writes to; emptied before every pass. */
    String table();

    /**
     * Writes every row, committing at least once per batch.
     *
     * @param rows the events and their column values
     */
    void ingest(IngestRows rows) throws Exception;
}
