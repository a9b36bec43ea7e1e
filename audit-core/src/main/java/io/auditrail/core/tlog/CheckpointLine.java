package io.auditrail.core.tlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON line a checkpoint is published as:
 * {@code {"organization_id":..,"origin":..,"tree_size":..,"note":"<signed note text>"}}, with
 * {@code "kind":"retention"} for a retention record ({@link LogCheckpoint#RETENTION_LINE}). Origin,
 * size and kind repeat what the note says, for people and log search; readers trust only the note.
 */
public final class CheckpointLine {

    private CheckpointLine() {
    }

    /**
     * Formats one line.
     *
     * @param organizationId the organisation, or {@code null} for the log of events without one
     * @param note a signed checkpoint or retention record
     * @return the JSON line, without a line break
     * @throws IllegalArgumentException when the note is neither
     */
    public static String format(@Nullable String organizationId, SignedNote note) {
        LogCheckpoint checkpoint = LogCheckpoint.parseAny(note.body());
        ObjectNode line = TlogJson.object();
        if (LogCheckpoint.isRetention(note.body())) {
            line.put("kind", "retention");
        }
        line.put("organization_id", organizationId);
        line.put("origin", checkpoint.origin());
        line.put("tree_size", checkpoint.size());
        line.put("note", note.format());
        return line.toString();
    }

    /** Receives the note text of one line of a checkpoints file. */
    interface NoteHandler {
        void handle(int lineNumber, String noteText);
    }

    /**
     * Reads a checkpoints file, the one reader of the file sink and the offline verifier: each
     * non-blank line's {@code note} goes to the handler; a malformed line, or one the handler
     * refuses with an {@link IllegalArgumentException}, stops the reading with the file and the
     * line named.
     *
     * @throws IllegalArgumentException naming the file and the line
     * @throws UncheckedIOException when the file cannot be read
     */
    static void read(Path file, NoteHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    handler.handle(number, TlogJson.text(TlogJson.read(line, "a checkpoint line"), "note"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints from " + file + ": " + e.getMessage(), e);
        }
    }
}
