package io.auditrail.spring.web.read;

import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an organisation's log for the offline verifier as JSON lines: the leaves below a tree
 * size as {@link LogExportLine}s, streamed from the database as they are read (no log in memory,
 * no size cap), and the stored checkpoints in the checkpoint-sink format
 * {@code {"organization_id":..,"origin":..,"tree_size":..,"note":..}}.
 */
final class LogExportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogExportWriter() {
    }

    static void writeLeaves(JdbcAuditChain chain, String organizationId, long treeSize, OutputStream out)
            throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        try {
            chain.exportLog(organizationId, treeSize, line -> writeLine(buffered, line.toJson()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    static void writeCheckpoints(List<SignedCheckpoint> checkpoints, OutputStream out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        for (SignedCheckpoint checkpoint : checkpoints) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("organization_id", checkpoint.organizationId());
            line.put("origin", checkpoint.checkpoint().origin());
            line.put("tree_size", checkpoint.checkpoint().size());
            line.put("note", checkpoint.note().format());
            writeLine(buffered, JSON.writeValueAsString(line));
        }
        buffered.flush();
    }

    private static void writeLine(OutputStream out, String json) {
        try {
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            // A client that hangs up ends the export; the database read stops with it.
            throw new UncheckedIOException(e);
        }
    }
}
