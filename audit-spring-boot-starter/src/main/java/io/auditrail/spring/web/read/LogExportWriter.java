package io.auditrail.spring.web.read;

import io.auditrail.core.tlog.CheckpointLine;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes an organisation's log for the offline verifier as JSON lines: the leaves below a tree
 * size as {@link LogExportLine}s, streamed from the database as they are read (no log in memory,
 * no size cap), and the signed checkpoints and retention records in the checkpoint-sink format
 * ({@link CheckpointLine}).
 */
final class LogExportWriter {

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

    static void writeCheckpoints(@Nullable String organizationId, List<SignedNote> notes, OutputStream out)
            throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        for (SignedNote note : notes) {
            writeLine(buffered, CheckpointLine.format(organizationId, note));
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
