package io.auditrail.benchmarks.store.query;

import io.auditrail.benchmarks.support.Spread;
import java.util.Locale;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * The percentiles of one JMH sample-time benchmark, in milliseconds: over all measured
 * samples, and the spread of each measurement iteration's own p95.
 *
 * @param p50 median latency over every sample
 * @param p95 95th percentile over every sample
 * @param iterationP95 the spread of the per-iteration 95th percentiles
 * @param samples number of samples
 */
record LatencySummary(double p50, double p95, Spread iterationP95, long samples) {

    static LatencySummary of(RunResult result) {
        var statistics = result.getPrimaryResult().getStatistics();
        Spread perIteration = Spread.of(result.getBenchmarkResults().stream()
                .flatMap(benchmark -> benchmark.getIterationResults().stream())
                .map(IterationResult::getPrimaryResult)
                .map(iteration -> iteration.getStatistics().getPercentile(95))
                .toList());
        return new LatencySummary(statistics.getPercentile(50), statistics.getPercentile(95), perIteration,
                statistics.getN());
    }

    String describe() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms (per-pass p95 %.2f–%.2f)", p50, p95,
                iterationP95.min(), iterationP95.max());
    }
}
