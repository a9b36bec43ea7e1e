package io.auditrail.benchmarks.store.export;

import java.util.HashMap;
import java.util.Map;

/**
 * What one child export reported.
 *
 * @param rows rows written
 * @param bytes CSV bytes written
 * @param seconds time from the query to the last byte
 * @param cpuSeconds CPU time of all the child's threads over the same span
 * @param peakUsed highest heap in use seen, garbage included
 * @param peakAfterGc highest heap still in use right after a collection
 */
record ExportRun(long rows, long bytes, double seconds, double cpuSeconds, long peakUsed, long peakAfterGc) {

    static ExportRun parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] keyValue = pair.split("=", 2);
            fields.put(keyValue[0], keyValue[1]);
        }
        return new ExportRun(Long.parseLong(fields.get("rows")), Long.parseLong(fields.get("bytes")),
                Double.parseDouble(fields.get("seconds")), Double.parseDouble(fields.get("cpuSeconds")), Long.parseLong(fields.get("peakUsed")),
                Long.parseLong(fields.get("peakAfterGc")));
    }

    double rowsPerSecond() {
        return rows / seconds;
    }

    double cpuMicrosPerRow() {
        return cpuSeconds * 1e6 / rows;
    }
}
