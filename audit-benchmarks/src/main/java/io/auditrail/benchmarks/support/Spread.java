package io.auditrail.benchmarks.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The median and range of one figure over several passes. The machine drifts between
 * passes, so the range is reported with every median rather than hidden in it.
 *
 * @param median the median pass
 * @param min the lowest pass
 * @param max the highest pass
 */
public record Spread(double median, double min, double max) {

    /**
     * Summarises passes.
     *
     * @param passes at least one value
     * @return the median, min and max
     */
    public static Spread of(List<Double> passes) {
        double[] sorted = passes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no passes");
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1]);
    }

    /**
     * Summarises passes.
     *
     * @param passes at least one value
     * @return the median, min and max
     */
    public static Spread of(double... passes) {
        return of(Arrays.stream(passes).boxed().toList());
    }

    /**
     * Formats as {@code median (min–max)}.
     *
     * @param pattern a {@link String#format} pattern for one number, e.g. {@code "%,.0f"}
     * @return the text
     */
    public String format(String pattern) {
        return String.format(Locale.ROOT, pattern + " (" + pattern + "–" + pattern + ")", median, min, max);
    }
}
