package io.auditrail.core.internal.wiring;

import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.spi.AuditSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every sink Auditrail writes to, as {@link SinkSelection} chose them: the application's
 * {@code AuditSink} beans and the sinks created for {@code auditrail.sink}. The dispatcher and the
 * outbox relays share this one list, so a relay delivers to the very sink instance whose name its
 * outbox rows carry. Closing it closes the sinks it created, once their dispatchers have drained;
 * the framework closes the others.
 */
public final class AuditSinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSinks.class);

    private final List<AuditSink> all;
    private final List<AuditSink> created;

    /**
     * Creates the list.
     *
     * @param all the sinks, in configuration order
     * @param created those of them Auditrail created, which it closes
     */
    public AuditSinks(List<AuditSink> all, List<AuditSink> created) {
        this.all = List.copyOf(all);
        this.created = List.copyOf(created);
    }

    /**
     * The sinks.
     *
     * @return every sink, in configuration order
     */
    public List<AuditSink> all() {
        return all;
    }

    /**
     * The sinks an outbox relays to: all but those writing in the application's own transaction.
     *
     * @return the remote sinks
     * @throws IllegalStateException when two of them share a name, as the outbox tells sinks apart by name
     */
    public List<AuditSink> relayed() {
        return OutboxRelay.relayedSinks(all);
    }

    /** Closes the sinks created for {@code auditrail.sink}; a failure is logged and the others still close. */
    @Override
    public void close() {
        for (AuditSink sink : created) {
            if (sink instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Could not close audit sink '{}'", sink.name(), e);
                }
            }
        }
    }
}
