package io.auditrail.benchmarks.store.query;

import io.auditrail.benchmarks.support.Spread;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The percentiles of one call over several passes, in milliseconds: the median pass and the
 * range of the passes.
 *
 * @param p50 the passes' medians
 * @param p95 the passes' 95th percentiles
 * @param samples calls timed over all passes
 */
record LatencySummary(Spread p50, Spread p95, long samples) {

    /**
     * One pass of one call.
     *
     * @param p50 median, ms
     * @param p95 95th percentile, ms
     * @param samples calls timed
     */
    record Pass(double p50, double p95, long samples) {

        static Pass of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Pass(percentile(sorted, 50), percentile(sorted, 95), sorted.length);
        }

        /** Nearest rank: the smallest sample with at least that share of samples at or below it. */
        private static double percentile(long[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    static LatencySummary of(List<Pass> passes) {
        return new LatencySummary(Spread.of(passes.stream().map(Pass::p50).toList()),
                Spread.of(passes.stream().map(Pass::p95).toList()),
                passes.stream().mapToLong(Pass::samples).sum());
    }

    String describe() {
        return "p50 " + p50.format("%.2f") + " ms, p95 " + p95.format("%.2f") + " ms";
    }

    String describeP95() {
        return String.format(Locale.ROOT, "p95 %.2f ms", p95.median());
    }
}
