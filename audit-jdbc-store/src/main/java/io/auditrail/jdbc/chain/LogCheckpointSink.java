package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.Checkpoint;
import io.auditrail.core.chain.CheckpointJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each checkpoint as one INFO line of JSON to the logger {@value #LOGGER}, for a log
 * pipeline that ships lines off the host.
 */
public final class LogCheckpointSink implements CheckpointSink {

    /** The logger name. */
    public static final String LOGGER = "io.auditrail.chain.checkpoints";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void publish(Checkpoint checkpoint) {
        log.info("{}", CheckpointJson.toJson(checkpoint));
    }
}
