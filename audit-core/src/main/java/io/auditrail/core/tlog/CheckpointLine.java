package io.auditrail.core.tlog;

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

    static SignedNote parse(String json) {
        return SignedNote.parse(TlogJson.text(TlogJson.read(json, "a checkpoint line"), "note"));
    }
}
