package io.auditrail.spring.web.read;

import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an organisation's log for the offline verifier as JSON lines: the leaves below a tree
 * size as {@link LogExportLine}s, streamed from the database as they are read (no log in memory,
 * no size cap), and lines already formatted, such as the checkpoint lines core's
 * {@code ChainReads} gives.
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

    static void writeLines(List<String> lines, OutputStream out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        for (String line : lines) {
            buffered.write(line.getBytes(StandardCharsets.UTF_8));
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
