package io.auditrail.benchmarks.kafka;

import io.auditrail.benchmarks.support.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every rate of every pass, by label. Ratios are taken within each pass, then summarised, so a
 * slow phase of the machine that hits a figure and its baseline alike cancels out.
 */
final class Figures {

    private final Map<String, List<Double>> rates = new LinkedHashMap<>();

    void add(int pass, String label, double rate) {
        rates.computeIfAbsent(label, l -> new ArrayList<>()).add(rate);
        System.out.printf(Locale.ROOT, "pass %d  %-90s %,10.0f events/s%n", pass, label, rate);
    }

    String rate(String label) {
        return Spread.of(passes(label)).format("%,.0f") + " events/s";
    }

    String ratio(String label, String baseline) {
        List<Double> measured = passes(label);
        List<Double> base = passes(baseline);
        List<Double> ratios = new ArrayList<>(measured.size());
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(measured.get(i) / base.get(i));
        }
        return Spread.of(ratios).format("%.2f") + "×";
    }

    private List<Double> passes(String label) {
        List<Double> passes = rates.get(label);
        if (passes == null) {
            throw new IllegalArgumentException("nothing measured for " + label);
        }
        return passes;
    }
}
