package io.auditrail.benchmarks.caller;

import io.auditrail.benchmarks.caller.CallerBenchmarks.PassScores;
import io.auditrail.benchmarks.support.ResultTable;
import io.auditrail.benchmarks.support.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

/** Turns the passes' scores and trial reports into the rows of docs/performance.md and the targets. */
final class CallerResults {

    private static final double ASYNC_TARGET_NANOS = 1_000;
    private static final double TRANSACTIONAL_TARGET_RATIO = 1.3;
    private static final double LIMIT_TARGET_RATIO = 1.05;
    private static final String NANOS = "%,.1f";
    private static final String MICROS = "%,.1f";
    private static final String RATIO = "%.2f";

    private final PassScores scores;
    private final List<TrialReport> reports;

    CallerResults(PassScores scores, List<TrialReport> reports) {
        this.scores = scores;
        this.reports = reports;
    }

    void addCpuRows(ResultTable table) {
        List<Double> direct = scores.of(CallerVariant.DIRECT, CallerDatabase.H2);
        List<Double> proxied = scores.of(CallerVariant.PROXIED, CallerDatabase.H2);
        List<Double> async = scores.of(CallerVariant.AUDITED_ASYNC, CallerDatabase.H2);
        String directText = Spread.of(direct).format(NANOS) + " ns";
        String proxiedText = Spread.of(proxied).format(NANOS) + " ns";
        table.add("`quote(sku, quantity)`, pure CPU: (a) direct call", directText + "/call", "—", "—",
                "a plain instance, no Spring");
        table.add("(b) Spring proxy, one interceptor that only proceeds", proxiedText + "/call",
                directText + " (a)", Spread.of(perPass(proxied, direct, (x, y) -> x / y)).format(RATIO) + "×",
                "same auto-proxy creator and pointcut as `@Audited`, Auditrail off");
        DeliveryCount events = total(CallerVariant.AUDITED_ASYNC, CallerDatabase.H2);
        table.add("(c) `@Audited`, async dispatch to the JDBC sink (H2 in memory), drop when full",
                Spread.of(async).format(NANOS) + " ns/call", proxiedText + " (b)",
                "+" + Spread.of(perPass(async, proxied, (x, y) -> x - y)).format(NANOS) + " ns over (b); "
                        + Spread.of(perPass(async, proxied, (x, y) -> x / y)).format(RATIO) + "×",
                String.format(Locale.ROOT, "events over all passes: %,d delivered, %,d dropped from a full queue"
                        + " (%.0f %% of %,d offered), %,d dropped otherwise, %,d capture failures",
                        events.delivered(), events.droppedQueueFull(),
                        100.0 * events.droppedQueueFull() / Math.max(1, events.offered()), events.offered(),
                        events.droppedOther(), events.captureFailures()));
    }

    void addTransactionalRows(ResultTable table, CallerDatabase database) {
        List<Double> plain = scores.of(CallerVariant.PLAIN, database);
        List<Double> limit = scores.of(CallerVariant.HAND_WRITTEN_INSERT, database);
        List<Double> audited = scores.of(CallerVariant.AUDITED_TRANSACTIONAL, database);
        List<Double> javers = scores.of(CallerVariant.JAVERS, database);
        String plainText = Spread.of(plain).format(MICROS) + " µs";
        String limitText = Spread.of(limit).format(MICROS) + " µs";
        String name = database == CallerDatabase.H2 ? "H2 (in memory)" : "PostgreSQL";
        table.add("`markPaid(invoice)`, `@Transactional`, one UPDATE, on " + name + ": without audit",
                plainText + "/call", "—", "—", "the baseline of (d) and (e)");
        table.add("(d) limit: the same method inserting the audit row by hand, on " + name,
                limitText + "/call", plainText + " (without audit)",
                Spread.of(perPass(limit, plain, (x, y) -> x / y)).format(RATIO) + "×",
                String.format(Locale.ROOT, "one plain prepared INSERT of the same row into the same table and"
                        + " indexes; %,d rows in the last trial", lastRows(CallerVariant.HAND_WRITTEN_INSERT, database)));
        DeliveryCount events = total(CallerVariant.AUDITED_TRANSACTIONAL, database);
        table.add("(d) `@Audited`, row written in the caller's transaction, on " + name,
                Spread.of(audited).format(MICROS) + " µs/call", limitText + " (limit); " + plainText
                        + " (without audit)",
                Spread.of(perPass(audited, limit, (x, y) -> x / y)).format(RATIO) + "× the limit; "
                        + Spread.of(perPass(audited, plain, (x, y) -> x / y)).format(RATIO) + "× without audit",
                String.format(Locale.ROOT, "%,d audit rows in the last trial; %,d capture failures",
                        lastRows(CallerVariant.AUDITED_TRANSACTIONAL, database), events.captureFailures()));
        table.add("(e) JaVers 7.9.0 `@JaversAuditable`, on " + name, Spread.of(javers).format(MICROS) + " µs/call",
                plainText + " (without audit)",
                Spread.of(perPass(javers, plain, (x, y) -> x / y)).format(RATIO) + "×",
                String.format(Locale.ROOT, "%,d JaVers snapshots in the last trial; commits in a transaction of"
                        + " its own after the business one", lastRows(CallerVariant.JAVERS, database)));
    }

    String targets(String[] databases) {
        ResultTableOfTwo targets = new ResultTableOfTwo();
        Spread asyncOverhead = Spread.of(perPass(scores.of(CallerVariant.AUDITED_ASYNC, CallerDatabase.H2),
                scores.of(CallerVariant.PROXIED, CallerDatabase.H2), (x, y) -> x - y));
        targets.add("caller overhead in async mode ≤ 1 µs over (b)", verdict(asyncOverhead.median() <= ASYNC_TARGET_NANOS)
                + ": +" + asyncOverhead.format(NANOS) + " ns");
        for (String name : databases) {
            CallerDatabase database = CallerDatabase.valueOf(name);
            Spread ratio = Spread.of(perPass(scores.of(CallerVariant.AUDITED_TRANSACTIONAL, database),
                    scores.of(CallerVariant.PLAIN, database), (x, y) -> x / y));
            targets.add("transactional business call ≤ 1.3× without audit, " + database.name(),
                    verdict(ratio.median() <= TRANSACTIONAL_TARGET_RATIO) + ": " + ratio.format(RATIO) + "×");
            Spread toLimit = Spread.of(perPass(scores.of(CallerVariant.AUDITED_TRANSACTIONAL, database),
                    scores.of(CallerVariant.HAND_WRITTEN_INSERT, database), (x, y) -> x / y));
            targets.add("transactional business call ≤ 1.05× the hand-written INSERT, " + database.name(),
                    verdict(toLimit.median() <= LIMIT_TARGET_RATIO) + ": " + toLimit.format(RATIO) + "×");
        }
        return targets.toMarkdown();
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**missed**";
    }

    private DeliveryCount total(CallerVariant variant, CallerDatabase database) {
        return reports.stream().filter(r -> r.variant() == variant && r.database() == database)
                .map(TrialReport::count)
                .reduce(new DeliveryCount(0, 0, 0, 0, 0), (a, b) -> new DeliveryCount(a.delivered() + b.delivered(),
                        a.droppedQueueFull() + b.droppedQueueFull(), a.droppedOther() + b.droppedOther(),
                        a.captureFailures() + b.captureFailures(), a.sinkFailures() + b.sinkFailures()));
    }

    private long lastRows(CallerVariant variant, CallerDatabase database) {
        return reports.stream().filter(r -> r.variant() == variant && r.database() == database)
                .reduce((first, second) -> second).map(TrialReport::rows).orElse(0L);
    }

    private static List<Double> perPass(List<Double> measured, List<Double> baseline, DoubleBinaryOperator op) {
        List<Double> values = new ArrayList<>();
        for (int pass = 0; pass < measured.size(); pass++) {
            values.add(op.applyAsDouble(measured.get(pass), baseline.get(pass)));
        }
        return values;
    }

    /** The two-column targets table, in the same Markdown as the results. */
    private static final class ResultTableOfTwo {

        private final StringBuilder text = new StringBuilder("| target | result |\n|---|---|\n");

        void add(String target, String result) {
            text.append("| ").append(target).append(" | ").append(result).append(" |\n");
        }

        String toMarkdown() {
            return text.toString();
        }
    }
}
