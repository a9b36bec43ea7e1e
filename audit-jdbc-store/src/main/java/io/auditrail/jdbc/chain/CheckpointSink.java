package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.Checkpoint;

/**
 * Where checkpoints go besides the checkpoint table: somewhere a database administrator cannot
 * rewrite, so that a truncated or recomputed chain shows against the last exported checkpoint.
 */
@FunctionalInterface
public interface CheckpointSink {

    /** A sink that exports nothing; the checkpoint table alone holds the checkpoints. */
    CheckpointSink NONE = checkpoint -> {
    };

    /**
     * Exports one checkpoint, after it was committed to the checkpoint table.
     *
     * @param checkpoint the signed checkpoint
     */
    void publish(Checkpoint checkpoint);
}
