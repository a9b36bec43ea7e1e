/**
 * Whether sealing keeps up with ingest: {@link io.auditrail.benchmarks.chain.ChainSealingBenchmark},
 * started by {@code run-chain-benchmark.sh}.
 */
package io.auditrail.benchmarks.chain;
