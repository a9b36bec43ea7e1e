package io.auditrail.core.tlog;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each checkpoint as one JSON line at INFO on the logger {@value #LOGGER_NAME}, for a log
 * pipeline that ships lines off the host; the line is the one {@link FileCheckpointSink} writes, so
 * collected lines are a checkpoint file for the offline verifier.
 */
public final class LogCheckpointSink implements CheckpointSink {

    /** The logger's name, so it can be routed on its own. */
    public static final String LOGGER_NAME = "io.auditrail.tlog.checkpoints";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void publish(@Nullable String organizationId, SignedNote checkpoint) {
        try {
            LOG.info("{}", CheckpointLine.format(organizationId, checkpoint));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LogCheckpointSink.class).warn("Could not log a checkpoint: {}", e.toString());
        }
    }
}
