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
    private final Map<String, List<Double>> cpuPerEvent = new LinkedHashMap<>();

    void add(int pass, String label, double rate) {
        rates.computeIfAbsent(label, l -> new ArrayList<>()).add(rate);
        System.out.printf(Locale.ROOT, "pass %d  %-90s %,10.0f events/s%n", pass, label, rate);
    }

    /**
     * Adds a rate with the measuring JVM's CPU time per event, which the broker's JVM and the
     * other processes on the machine do not inflate as they inflate the wall time.
     */
    void add(int pass, String label, double rate, double cpuMicrosPerEvent) {
        add(pass, label, rate);
        cpuPerEvent.computeIfAbsent(label, l -> new ArrayList<>()).add(cpuMicrosPerEvent);
        System.out.printf(Locale.ROOT, "pass %d  %-90s %10.2f µs CPU/event%n", pass, label, cpuMicrosPerEvent);
    }

    String cpu(String label) {
        return Spread.of(passes(cpuPerEvent, label)).format("%.2f") + " µs CPU/event";
    }

    /** Baseline CPU per event ÷ this one's, within each pass: like the rate ratio, higher is better. */
    String cpuRatio(String label, String baseline) {
        List<Double> measured = passes(cpuPerEvent, label);
        List<Double> base = passes(cpuPerEvent, baseline);
        List<Double> ratios = new ArrayList<>(measured.size());
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(base.get(i) / measured.get(i));
        }
        return Spread.of(ratios).format("%.2f") + "×";
    }

    String rate(String label) {
        return Spread.of(passes(rates, label)).format("%,.0f") + " events/s";
    }

    String ratio(String label, String baseline) {
        List<Double> measured = passes(rates, label);
        List<Double> base = passes(rates, baseline);
        List<Double> ratios = new ArrayList<>(measured.size());
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(measured.get(i) / base.get(i));
        }
        return Spread.of(ratios).format("%.2f") + "×";
    }

    private static List<Double> passes(Map<String, List<Double>> figures, String label) {
        List<Double> passes = figures.get(label);
        if (passes == null) {
            throw new IllegalArgumentException("nothing measured for " + label);
        }
        return passes;
    }
}
