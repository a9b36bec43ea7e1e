package io.auditrail.micronaut.dispatch;

import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.spi.AuditSink;
import java.util.List;

/**
 * Every sink Auditrail writes to: the built-in ones named by {@code auditrail.sink} and the
 * application's {@code AuditSink} beans. The dispatcher and the outbox relays share this list,
 * so a relay delivers to the very sink instance whose name its outbox rows carry.
 *
 * @param all the sinks, in configuration order
 */
public record AuditSinks(List<AuditSink> all) {

    /** Copies the list. */
    public AuditSinks {
        all = List.copyOf(all);
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
}
