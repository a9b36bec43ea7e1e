package io.auditrail.core.sink;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event as one JSON object on one line through SLF4J, at INFO on the logger
 * {@value #DEFAULT_LOGGER}, so log shippers can pick the trail out of ordinary logs. The
 * codec escapes every control and line-separator character, so event data can never
 * start a forged log line.
 */
public final class LogAuditSink implements AuditSink {

    /** Logger name used unless another is given. */
    public static final String DEFAULT_LOGGER = "auditrail.events";

    private final Logger logger;
    private final AuditEventCodec codec;

    /**
     * Creates a sink logging to {@value #DEFAULT_LOGGER}.
     *
     * @param codec writes the JSON
     */
    public LogAuditSink(AuditEventCodec codec) {
        this(codec, DEFAULT_LOGGER);
    }

    /**
     * Creates a sink logging to a named logger.
     *
     * @param codec writes the JSON
     * @param loggerName the SLF4J logger name
     */
    public LogAuditSink(AuditEventCodec codec, String loggerName) {
        this.codec = codec;
        this.logger = LoggerFactory.getLogger(loggerName);
        if (!logger.isInfoEnabled()) {
            LoggerFactory.getLogger(LogAuditSink.class).warn("The audit log sink writes to logger '{}' at INFO, "
                    + "which is switched off: audit events sent to this sink are not written anywhere", loggerName);
        }
    }

    @Override
    public void write(List<AuditEvent> events) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        for (AuditEvent event : events) {
            logger.info(codec.toJson(event));
        }
    }

    @Override
    public String name() {
        return "log";
    }
}
