package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.SignedNote;
import org.jspecify.annotations.Nullable;

/**
 * A checkpoint of one organisation's tree and its signed note (C2SP signed-note format; without
 * signature lines when no signing key is configured).
 *
 * @param organizationId the organisation, or {@code null} for the tree of events without one
 * @param checkpoint origin, tree size and root
 * @param note the signed note whose body is {@code checkpoint.noteBody()}
 */
public record SignedCheckpoint(@Nullable String organizationId, LogCheckpoint checkpoint, SignedNote note) {
}
