package io.auditrail.benchmarks.store.query;

import io.auditrail.benchmarks.support.ResultTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link QueryLatencyBenchmark} in one forked JVM and turns its percentiles into result
 * rows: each store page against the same SQL by hand, with the page and its total timed
 * apart to show where the time goes.
 */
public final class QueryBenchmarkRunner {

    private final int passes;

    /**
     * Creates the runner.
     *
     * @param passes measured JMH iterations of two seconds per benchmark
     */
    public QueryBenchmarkRunner(int passes) {
        this.passes = passes;
    }

    /**
     * Runs the benchmarks and adds the query rows.
     *
     * @param results the table to add to
     * @throws RunnerException when JMH fails
     */
    public void run(ResultTable results) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(QueryLatencyBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(passes)
                .measurementTime(TimeValue.seconds(2))
                .build();
        Map<String, LatencySummary> latencies = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String benchmark = result.getParams().getBenchmark();
            latencies.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), LatencySummary.of(result));
        }
        LatencySummary storeOffset = latencies.get("storeOffsetPage");
        LatencySummary storeCursor = latencies.get("storeCursorPage");
        add(results, "query: org + 30-day range, first page of 20 with total", latencies.get("storeFirstPage"),
                latencies.get("rawFirstPageWithTotal"), "raw = same page SQL + COUNT(*) of the range");
        add(results, "query: org page " + QueryScenario.DEPTH + " rows deep by offset, with total", storeOffset,
                latencies.get("rawOffsetPageWithTotal"), String.format(Locale.ROOT,
                        "raw page alone p95 %.2f ms; org COUNT(*) alone p95 %.2f ms",
                        latencies.get("rawOffsetPageOnly").p95(), latencies.get("rawOrganizationTotalOnly").p95()));
        add(results, "query: the same page by keyset cursor, with total", storeCursor,
                latencies.get("rawCursorPageWithTotal"), String.format(Locale.ROOT,
                        "raw page alone p95 %.2f ms; store offset/cursor p95 = %.1f×",
                        latencies.get("rawCursorPageOnly").p95(), storeOffset.p95() / storeCursor.p95()));
    }

    private static void add(ResultTable results, String benchmark, LatencySummary store, LatencySummary raw,
            String notes) {
        results.add(benchmark, store.describe(), raw.describe() + " (raw JDBC)",
                String.format(Locale.ROOT, "%.2f× (p95)", store.p95() / raw.p95()),
                notes + String.format(Locale.ROOT, "; %,d store samples", store.samples()));
    }
}
