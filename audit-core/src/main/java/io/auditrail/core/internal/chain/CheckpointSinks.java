package io.auditrail.core.internal.chain;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.ChainSettings;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.LogCheckpointSink;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.core.tlog.WitnessCheckpointSink;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint sinks {@code auditrail.chain.*} names, as one: the log or file sink of
 * {@code checkpoint-sink}, then one witness per {@code witness-urls} entry. Each witness URL is
 * checked at start-up (https, or http to loopback when allowed; no user info), with the key and
 * the entry named in the error. Every witness gets the {@code witness-authorization} header value,
 * which no message or log line repeats.
 */
public final class CheckpointSinks implements CheckpointSink {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSinks.class);

    private final List<CheckpointSink> sinks;

    private CheckpointSinks(List<CheckpointSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Builds the sinks, checking their keys.
     *
     * @param settings {@code auditrail.chain.*}
     * @return the sinks as one
     * @throws InvalidAuditConfigurationException naming the key that is wrong
     */
    public static CheckpointSinks of(ChainSettings settings) {
        List<CheckpointSink> sinks = new ArrayList<>();
        switch (settings.getCheckpointSink()) {
            case LOG -> sinks.add(new LogCheckpointSink());
            case FILE -> {
                if (settings.getCheckpointFile() == null) {
                    throw new InvalidAuditConfigurationException(
                            "auditrail.chain.checkpoint-sink=file needs auditrail.chain.checkpoint-file");
                }
                sinks.add(new FileCheckpointSink(settings.getCheckpointFile()));
            }
            case NONE -> {
            }
        }
        Duration connect = positive(settings.getWitnessConnectTimeout(), "witness-connect-timeout");
        Duration request = positive(settings.getWitnessRequestTimeout(), "witness-request-timeout");
        String authorization = authorization(settings.getWitnessAuthorization());
        List<URI> urls = settings.getWitnessUrls();
        for (int i = 0; i < urls.size(); i++) {
            try {
                sinks.add(new WitnessCheckpointSink(urls.get(i), connect, request, settings.isWitnessAllowInsecureLoopback(),
                        authorization));
            } catch (IllegalArgumentException e) {
                throw new InvalidAuditConfigurationException("auditrail.chain.witness-urls[" + i + "]: "
                        + e.getMessage());
            }
        }
        return new CheckpointSinks(sinks);
    }

    /** The header value, checked with the key named and the value never repeated; blank is unset. */
    private static @Nullable String authorization(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidAuditConfigurationException(
                    "auditrail.chain.witness-authorization cannot contain control characters (line breaks included)");
        }
        return value;
    }

    /** Hands the note to every sink; one that throws despite its contract does not keep it from the others. */
    @Override
    public void publish(@Nullable String organizationId, SignedNote checkpoint) {
        for (CheckpointSink sink : sinks) {
            try {
                sink.publish(organizationId, checkpoint);
            } catch (RuntimeException e) {
                log.warn("Checkpoint sink {} failed for organisation {}; the checkpoint is in the checkpoint table",
                        sink, organizationId, e);
            }
        }
    }

    /**
     * The sinks, in order.
     *
     * @return the sinks
     */
    public List<CheckpointSink> sinks() {
        return sinks;
    }

    private static Duration positive(@Nullable Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidAuditConfigurationException("auditrail.chain." + property + " must be positive but was "
                    + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "CheckpointSinks" + sinks;
    }
}
