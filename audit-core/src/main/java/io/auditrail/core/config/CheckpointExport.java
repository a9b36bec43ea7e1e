package io.auditrail.core.config;

/** Where checkpoints are exported besides the checkpoint table, the values of {@code auditrail.chain.checkpoint-sink}. */
public enum CheckpointExport {
    /** One INFO line of JSON per checkpoint on the logger io.auditrail.chain.checkpoints. */
    LOG,
    /** One line of JSON per checkpoint appended to checkpoint-file. */
    FILE,
    /** Only the checkpoint table. */
    NONE
}
