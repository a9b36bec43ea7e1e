package io.auditrail.benchmarks.caller;

/**
 * What one JMH trial's application did with its events, as {@link RunningApplication} wrote
 * it: one tab-separated line per trial.
 *
 * @param variant the variant
 * @param database the database
 * @param count what became of the events
 * @param rows rows the auditing framework held at the end of the trial
 */
record TrialReport(CallerVariant variant, CallerDatabase database, DeliveryCount count, long rows) {

    static TrialReport parse(String line) {
        String[] cells = line.split("\t");
        if (cells.length != 8) {
            throw new IllegalArgumentException("not a trial report: " + line);
        }
        return new TrialReport(CallerVariant.valueOf(cells[0]), CallerDatabase.valueOf(cells[1]),
                new DeliveryCount(Long.parseLong(cells[2]), Long.parseLong(cells[3]), Long.parseLong(cells[4]),
                        Long.parseLong(cells[5]), Long.parseLong(cells[6])),
                Long.parseLong(cells[7]));
    }
}
