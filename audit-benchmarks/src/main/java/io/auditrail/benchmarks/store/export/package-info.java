/**
 * CSV export of the million-row table through the store and through hand-written streaming
 * JDBC, each in a child JVM with a 64 MB heap so that a leak would fail rather than hide.
 */
package io.auditrail.benchmarks.store.export;
