package io.auditrail.benchmarks.caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional variants of (d) on one database, interleaved in one JVM: the call without
 * audit, with the audit row inserted by hand (the limit) and with {@code @Audited}. Unlike
 * {@link CallerBenchmarks}, whose forks run one after the other for minutes each, the variants
 * take turns every {@value #SLICE_MILLIS} ms, so that load from other work on a shared machine
 * falls on all three alike and the ratios within a pass hold. Each pass prints wall time, the
 * calling thread's CPU time per call (the client's own work, without the waits on the server)
 * and, on PostgreSQL, the CPU time per call of the server process behind the variant's
 * connection (from {@code /proc/<pid>/stat}, in clock ticks of 10 ms: read it over many calls).
 *
 * <pre>{@code
 * java -cp <benchmark classpath> io.auditrail.benchmarks.caller.TransactionalCallRatios [passes] [seconds] [database]
 * }</pre>
 */
public final class TransactionalCallRatios {

    private static final List<CallerVariant> VARIANTS = List.of(CallerVariant.PLAIN,
            CallerVariant.HAND_WRITTEN_INSERT, CallerVariant.AUDITED_TRANSACTIONAL);
    private static final int SLICE_MILLIS = 200;
    /** Linux's USER_HZ, the unit of /proc/<pid>/stat, is 100 on every common kernel. */
    private static final double MICROS_PER_TICK = 10_000;

    private TransactionalCallRatios() {
    }

    /**
     * Runs the passes and prints the ratios.
     *
     * @param args passes (default 3), seconds per variant and pass (default 10), database (default POSTGRESQL)
     */
    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        CallerDatabase database = CallerDatabase.valueOf(args.length > 2 ? args[2] : "POSTGRESQL");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<RunningApplication> applications = new ArrayList<>();
        List<Caller> callers = new ArrayList<>();
        for (CallerVariant variant : VARIANTS) {
            RunningApplication application = new RunningApplication(variant, database);
            applications.add(application);
            callers.add(new Caller(application));
        }
        System.out.printf(Locale.ROOT, "warming up, load average %.2f%n", load());
        interleave(callers, seconds, threads);
        if (database == CallerDatabase.POSTGRESQL) {
            // The pool hands this thread the connection it used last, so this is the backend of every call.
            callers.forEach(Caller::findServerProcess);
        }
        double[][] wall = new double[VARIANTS.size()][passes];
        double[][] cpu = new double[VARIANTS.size()][passes];
        double[][] server = new double[VARIANTS.size()][passes];
        for (int pass = 0; pass < passes; pass++) {
            double[][] perCall = interleave(callers, seconds, threads);
            for (int v = 0; v < VARIANTS.size(); v++) {
                wall[v][pass] = perCall[v][0];
                cpu[v][pass] = perCall[v][1];
                server[v][pass] = perCall[v][2];
            }
            System.out.printf(Locale.ROOT, "pass %d: wall µs/call %s, caller CPU µs/call %s, server CPU µs/call %s,"
                    + " load average %.2f%n", pass + 1, Arrays.toString(rounded(wall, pass)),
                    Arrays.toString(rounded(cpu, pass)), Arrays.toString(rounded(server, pass)), load());
        }
        applications.forEach(RunningApplication::close);
        for (int v = 0; v < VARIANTS.size(); v++) {
            System.out.printf(Locale.ROOT, "%s: wall %s µs/call, caller CPU %s µs/call, server CPU %s µs/call%n",
                    VARIANTS.get(v), spread(wall[v]), spread(cpu[v]), spread(server[v]));
        }
        System.out.printf(Locale.ROOT, "AUDITED_TRANSACTIONAL / HAND_WRITTEN_INSERT: wall %s×, caller CPU %s×,"
                + " caller + server CPU %s×%n", spread(ratios(wall[2], wall[1])), spread(ratios(cpu[2], cpu[1])),
                spread(ratios(sums(cpu[2], server[2]), sums(cpu[1], server[1]))));
        System.out.printf(Locale.ROOT, "AUDITED_TRANSACTIONAL / PLAIN: wall %s×%n", spread(ratios(wall[2], wall[0])));
        System.out.printf(Locale.ROOT, "HAND_WRITTEN_INSERT / PLAIN: wall %s×%n", spread(ratios(wall[1], wall[0])));
    }

    /** Lets the variants take turns for the given seconds each; returns wall, caller CPU and server CPU µs per call. */
    private static double[][] interleave(List<Caller> callers, int seconds, ThreadMXBean threads) {
        long[] wallNanos = new long[callers.size()];
        long[] cpuNanos = new long[callers.size()];
        long[] serverTicks = new long[callers.size()];
        long[] calls = new long[callers.size()];
        long rounds = seconds * 1000L / SLICE_MILLIS;
        for (long round = 0; round < rounds; round++) {
            for (int turn = 0; turn < callers.size(); turn++) {
                // Rotates who goes first, so that no variant always follows the same one.
                int v = (int) ((turn + round) % callers.size());
                long startServer = callers.get(v).serverTicks();
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long end = start + SLICE_MILLIS * 1_000_000L;
                long now;
                do {
                    callers.get(v).call();
                    calls[v]++;
                    now = System.nanoTime();
                } while (now < end);
                wallNanos[v] += now - start;
                cpuNanos[v] += threads.getCurrentThreadCpuTime() - startCpu;
                serverTicks[v] += callers.get(v).serverTicks() - startServer;
            }
        }
        double[][] perCall = new double[callers.size()][];
        for (int v = 0; v < callers.size(); v++) {
            perCall[v] = new double[] {wallNanos[v] / 1e3 / calls[v], cpuNanos[v] / 1e3 / calls[v],
                    serverTicks[v] * MICROS_PER_TICK / calls[v]};
        }
        return perCall;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double[] ratios(double[] measured, double[] baseline) {
        double[] ratios = new double[measured.length];
        for (int i = 0; i < measured.length; i++) {
            ratios[i] = measured[i] / baseline[i];
        }
        return ratios;
    }

    private static double[] sums(double[] first, double[] second) {
        double[] sums = new double[first.length];
        for (int i = 0; i < first.length; i++) {
            sums[i] = first[i] + second[i];
        }
        return sums;
    }

    private static long[] rounded(double[][] values, int pass) {
        return Arrays.stream(values).mapToLong(v -> Math.round(v[pass])).toArray();
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    /**
     * One variant's service, its own payment counter as in {@link TransactionalCallBenchmark},
     * and the server process behind its connection once found.
     */
    private static final class Caller {

        private final RunningApplication application;
        private final InvoiceService invoices;
        private long calls;
        private long serverPid = -1;

        Caller(RunningApplication application) {
            this.application = application;
            this.invoices = application.bean(InvoiceService.class);
        }

        void findServerProcess() {
            serverPid = application.bean(JdbcClient.class).sql("SELECT pg_backend_pid()").query(Long.class).single();
        }

        /** User and system CPU of the server process in clock ticks; 0 until it is found. */
        long serverTicks() {
            if (serverPid < 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
                // Fields after the parenthesised command: state is the first, utime the 12th, stime the 13th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void call() {
            long call = ++calls;
            invoices.markPaid(new Invoice(1 + call % RunningApplication.INVOICES, "PAID", call, call));
        }
    }
}
