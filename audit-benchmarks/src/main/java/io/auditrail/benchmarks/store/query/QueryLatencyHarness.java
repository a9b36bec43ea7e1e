package io.auditrail.benchmarks.store.query;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.ResultTable;
import io.auditrail.benchmarks.support.Spread;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times each page shape through the store and through the same SQL by hand, interleaved:
 * every round picks the next organisation and runs each call once, starting with a different
 * call each round. A burst of load from elsewhere on the machine then hits store and baseline
 * alike, and each ratio is taken within a pass. The first pass only warms up.
 */
public final class QueryLatencyHarness {

    /** A call whose latency is sampled. */
    @FunctionalInterface
    private interface Call {
        Object run(QueryScenario scenario) throws SQLException;
    }

    private record TimedCall(String name, Call call) {
    }

    private record Shape(String label, int rounds, List<TimedCall> calls) {
    }

    private final BenchDatabase database;
    private final int passes;
    private final Map<String, List<LatencySummary.Pass>> measured = new LinkedHashMap<>();

    /**
     * Creates the harness.
     *
     * @param database the database holding the read table
     * @param passes measured passes
     */
    public QueryLatencyHarness(BenchDatabase database, int passes) {
        this.database = database;
        this.passes = passes;
    }

    /**
     * Runs the passes and adds the query rows.
     *
     * @param results the table to add to
     * @throws SQLException when a query fails
     */
    public void run(ResultTable results) throws SQLException {
        try (QueryFixture fixture = new QueryFixture(database)) {
            List<Shape> shapes = shapes(fixture.calls());
            for (int pass = 0; pass <= passes; pass++) {
                for (Shape shape : shapes) {
                    Map<String, LatencySummary.Pass> thisPass = timePass(fixture, shape, pass == 0);
                    if (pass > 0) {
                        record(pass, thisPass);
                    }
                }
            }
        }
        add(results, "query: org + 30-day range, first page of 20 with total", "storeFirstPage",
                "rawFirstPageWithTotal", "raw = same page SQL + COUNT(*) of the range");
        add(results, "query: org page " + QueryScenario.DEPTH + " rows deep by offset, with total", "storeOffsetPage",
                "rawOffsetPageWithTotal", "raw page alone " + summary("rawOffsetPageOnly").describeP95()
                        + ", org COUNT(*) alone " + summary("rawOrganizationTotalOnly").describeP95());
        add(results, "query: the same page by keyset cursor, with total", "storeCursorPage",
                "rawCursorPageWithTotal", "raw page alone " + summary("rawCursorPageOnly").describeP95()
                        + String.format(Locale.ROOT, "; store offset ÷ cursor p95 = %.0f×",
                                summary("storeOffsetPage").p95().median() / summary("storeCursorPage").p95().median()));
        add(results, "query: the same cursor page without total (total=false, as the viewer's later pages)",
                "storeCursorPageWithoutTotal", "rawCursorPageOnly", "raw = the same page SQL alone");
    }

    private void record(int pass, Map<String, LatencySummary.Pass> thisPass) {
        thisPass.forEach((name, result) -> {
            measured.computeIfAbsent(name, n -> new ArrayList<>()).add(result);
            System.out.printf(Locale.ROOT, "query pass %d  %-26s p50 %8.2f ms  p95 %8.2f ms  (%d)%n", pass, name,
                    result.p50(), result.p95(), result.samples());
        });
    }

    private static List<Shape> shapes(QueryCalls calls) {
        return List.of(
                new Shape("first page", 150, List.of(
                        new TimedCall("storeFirstPage", calls::storeFirstPage),
                        new TimedCall("rawFirstPageWithTotal", calls::rawFirstPageWithTotal))),
                new Shape("offset page", 12, List.of(
                        new TimedCall("storeOffsetPage", calls::storeOffsetPage),
                        new TimedCall("rawOffsetPageWithTotal", calls::rawOffsetPageWithTotal),
                        new TimedCall("rawOffsetPageOnly", calls::rawOffsetPageOnly))),
                new Shape("cursor page", 150, List.of(
                        new TimedCall("storeCursorPage", calls::storeCursorPage),
                        new TimedCall("storeCursorPageWithoutTotal", calls::storeCursorPageWithoutTotal),
                        new TimedCall("rawCursorPageWithTotal", calls::rawCursorPageWithTotal),
                        new TimedCall("rawCursorPageOnly", calls::rawCursorPageOnly),
                        new TimedCall("rawOrganizationTotalOnly", calls::rawOrganizationTotalOnly))));
    }

    private static Map<String, LatencySummary.Pass> timePass(QueryFixture fixture, Shape shape, boolean warmUp)
            throws SQLException {
        int rounds = warmUp ? Math.max(3, shape.rounds() / 3) : shape.rounds();
        int callCount = shape.calls().size();
        long[][] nanos = new long[callCount][rounds];
        for (int round = 0; round < rounds; round++) {
            QueryScenario scenario = fixture.nextScenario();
            for (int i = 0; i < callCount; i++) {
                int index = (round + i) % callCount;
                long start = System.nanoTime();
                shape.calls().get(index).call().run(scenario);
                nanos[index][round] = System.nanoTime() - start;
            }
        }
        Map<String, LatencySummary.Pass> results = new LinkedHashMap<>();
        for (int i = 0; i < callCount; i++) {
            results.put(shape.calls().get(i).name(), LatencySummary.Pass.of(nanos[i]));
        }
        return results;
    }

    private LatencySummary summary(String call) {
        return LatencySummary.of(measured.get(call));
    }

    private void add(ResultTable results, String label, String store, String raw, String notes) {
        List<Double> ratios = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            ratios.add(measured.get(store).get(pass).p95() / measured.get(raw).get(pass).p95());
        }
        LatencySummary storeSummary = summary(store);
        results.add(label, storeSummary.describe(), summary(raw).describe() + " (raw JDBC)",
                Spread.of(ratios).format("%.2f") + "× (p95)",
                notes + String.format(Locale.ROOT, "; %,d store samples", storeSummary.samples()));
    }
}
