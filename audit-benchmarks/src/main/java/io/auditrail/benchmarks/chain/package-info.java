/**
 * The transparency log's benchmarks: whether sealing keeps up with ingest, inclusion-proof
 * latency in a large tree and full verification, all in {@link io.auditrail.benchmarks.chain.LogBenchmarks},
 * started by {@code run-log-benchmarks.sh}.
 */
package io.auditrail.benchmarks.chain;
