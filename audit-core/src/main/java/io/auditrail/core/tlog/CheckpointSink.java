package io.auditrail.core.tlog;

import org.jspecify.annotations.Nullable;

/**
 * Publishes signed checkpoints off the database, so that a later rewrite of the database cannot
 * rewrite them too. Called by the sealer after each checkpoint; an implementation must not throw
 * for a failure to deliver (count it and log it): publishing never breaks sealing.
 */
@FunctionalInterface
public interface CheckpointSink {

    /**
     * Publishes one checkpoint.
     *
     * @param organizationId the organisation whose log it signs, or {@code null} for events without one
     * @param checkpoint the signed checkpoint note
     */
    void publish(@Nullable String organizationId, SignedNote checkpoint);
}
