package io.auditrail.benchmarks.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent on both sides of the wire: this JVM (every thread, so garbage collection and
 * the JIT too) and the PostgreSQL backends serving the benchmark's user on its database, read
 * from {@code /proc}. Waiting for a core, for the disk or for the WAL flush is not CPU time, so
 * a machine shared with other work inflates this figure far less than elapsed time.
 */
public final class CpuClock {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private final String backendTitle;

    /**
     * A clock for one database.
     *
     * @param database the benchmark database, whose URL's last path segment names it
     */
    public CpuClock(BenchDatabase database) {
        String url = database.url();
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        this.backendTitle = " " + database.user() + " " + name + " ";
    }

    /** A reading, to subtract from a later one. */
    public Reading read() {
        return new Reading(processCpuNanos(), backendTicks());
    }

    /**
     * CPU time between two readings, counting only backends alive at both.
     *
     * @param from the earlier reading
     * @param to the later reading
     * @return client and server nanoseconds
     */
    public static Spent between(Reading from, Reading to) {
        long serverTicks = 0;
        for (Map.Entry<Long, Long> backend : to.backendTicks().entrySet()) {
            Long before = from.backendTicks().get(backend.getKey());
            if (before != null) {
                serverTicks += backend.getValue() - before;
            }
        }
        return new Spent(to.clientNanos() - from.clientNanos(), serverTicks * NANOS_PER_TICK);
    }

    /** One reading: this JVM's CPU time and each backend's ticks by pid. */
    public record Reading(long clientNanos, Map<Long, Long> backendTicks) {
    }

    /** CPU time spent by this JVM and by the database's backends. */
    public record Spent(long clientNanos, long serverNanos) {

        /** Both sides together. */
        public long totalNanos() {
            return clientNanos + serverNanos;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Map<Long, Long> backendTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> readBackend(p, ticks));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc to find the PostgreSQL backends", e);
        }
        return ticks;
    }

    private void readBackend(Path process, Map<Long, Long> ticks) {
        try {
            String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            if (!title.startsWith("postgres: ") || !title.contains(backendTitle)) {
                return;
            }
            String stat = Files.readString(process.resolve("stat"));
            // The fields after the command name, which is in brackets and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(Long.parseLong(process.getFileName().toString()),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException e) {
            // The process ended between the listing and the read: it is no backend to count.
        }
    }
}
