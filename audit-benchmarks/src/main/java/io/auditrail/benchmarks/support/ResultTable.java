package io.auditrail.benchmarks.support;

import java.util.ArrayList;
import java.util.List;

/** Collects result rows and prints them as one Markdown table, ready for docs/performance.md. */
public final class ResultTable {

    private static final String HEADER = "| benchmark | measured | baseline (same run) | ratio | notes |";
    private static final String RULE = "|---|---|---|---|---|";

    private final List<String> rows = new ArrayList<>();

    /**
     * Adds a row.
     *
     * @param benchmark what was measured
     * @param measured the figure with its spread
     * @param baseline the baseline it is compared with, with its spread
     * @param ratio measured divided by baseline, with its spread
     * @param notes anything a reader needs to judge the figure
     */
    public void add(String benchmark, String measured, String baseline, String ratio, String notes) {
        rows.add("| " + String.join(" | ", benchmark, measured, baseline, ratio, notes) + " |");
    }

    /**
     * Renders the table.
     *
     * @return Markdown, one line per row
     */
    public String toMarkdown() {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }
}
