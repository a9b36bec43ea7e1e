/**
 * Benchmarks of Auditrail against a real PostgreSQL with default durability, each figure
 * measured beside a baseline in the same run. {@link io.auditrail.benchmarks.StoreBenchmarks}
 * is the entry point that {@code run-store-benchmarks.sh} starts.
 */
package io.auditrail.benchmarks;
