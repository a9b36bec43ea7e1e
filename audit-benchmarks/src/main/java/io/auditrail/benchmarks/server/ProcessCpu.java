package io.auditrail.benchmarks.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a whole process (every thread, garbage collection and JIT included) from {@code /proc}. */
final class ProcessCpu {

    /** {@code USER_HZ}: the unit of the CPU times in {@code /proc}, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /**
     * User plus system CPU time so far.
     *
     * @param pid the process
     * @return seconds
     */
    static double seconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
