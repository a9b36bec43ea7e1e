package io.auditrail.benchmarks.caller;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one call costs the calling thread itself: its CPU time and the bytes it allocates, read
 * from the thread's own counters ({@code com.sun.management.ThreadMXBean}). Unlike the wall
 * clock of {@link CpuCallBenchmark}, neither counts the time the thread waits for a core, so
 * the figures hold on a machine busy with other work; unlike JMH's {@code -prof gc}, the
 * allocation excludes the async writer thread. The variants take turns within each pass.
 *
 * <pre>{@code
 * java -cp <benchmark classpath> io.auditrail.benchmarks.caller.CallerThreadCost [passes] [seconds]
 * }</pre>
 */
public final class CallerThreadCost {

    private static final List<CallerVariant> VARIANTS = List.of(CallerVariant.PROXIED, CallerVariant.AUDITED_ASYNC);

    private CallerThreadCost() {
    }

    /**
     * Runs the passes and prints one line per variant.
     *
     * @param args passes (default 3) and measured seconds per variant and pass (default 4)
     */
    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<RunningApplication> applications = new ArrayList<>();
        List<QuoteService> services = new ArrayList<>();
        for (CallerVariant variant : VARIANTS) {
            RunningApplication application = new RunningApplication(variant, CallerDatabase.H2);
            applications.add(application);
            services.add(application.bean(QuoteService.class));
        }
        double[][] cpu = new double[VARIANTS.size()][passes];
        double[][] bytes = new double[VARIANTS.size()][passes];
        long sink = 0;
        for (int v = 0; v < VARIANTS.size(); v++) {
            sink += run(services.get(v), seconds * 2_000_000_000L, threads)[0];
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int v = 0; v < VARIANTS.size(); v++) {
                double[] perCall = run(services.get(v), seconds * 1_000_000_000L, threads);
                cpu[v][pass] = perCall[1];
                bytes[v][pass] = perCall[2];
            }
        }
        applications.forEach(RunningApplication::close);
        System.out.printf(Locale.ROOT, "load average %.2f; %d passes of %d s per variant (checksum %d)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), passes, seconds, sink);
        for (int v = 0; v < VARIANTS.size(); v++) {
            System.out.printf(Locale.ROOT, "%s: caller CPU %s ns/call, allocated %s B/call%n", VARIANTS.get(v),
                    spread(cpu[v]), spread(bytes[v]));
        }
        double[] overCpu = new double[passes];
        for (int pass = 0; pass < passes; pass++) {
            overCpu[pass] = cpu[1][pass] - cpu[0][pass];
        }
        System.out.printf(Locale.ROOT, "AUDITED_ASYNC over PROXIED: caller CPU +%s ns/call%n", spread(overCpu));
    }

    /** Calls for about the given CPU time; returns the checksum, CPU ns per call and bytes per call. */
    private static double[] run(QuoteService quotes, long cpuNanos, com.sun.management.ThreadMXBean threads) {
        long threadId = Thread.currentThread().getId();
        long startCpu = threads.getCurrentThreadCpuTime();
        long startBytes = threads.getThreadAllocatedBytes(threadId);
        long calls = 0;
        long checksum = 0;
        long cpu;
        do {
            for (int i = 0; i < 10_000; i++) {
                checksum += quotes.quote("sku-1042", 1 + (i & 511));
            }
            calls += 10_000;
            cpu = threads.getCurrentThreadCpuTime() - startCpu;
        } while (cpu < cpuNanos);
        long allocated = threads.getThreadAllocatedBytes(threadId) - startBytes;
        return new double[] {checksum, (double) cpu / calls, (double) allocated / calls};
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }
}
