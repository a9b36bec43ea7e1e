/**
 * Ingest of the same generated events through the store, directly and behind the async
 * dispatcher, beside raw JDBC batches and COPY of the same rows into identical tables.
 */
package io.auditrail.benchmarks.store.ingest;
