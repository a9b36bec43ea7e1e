package io.auditrail.micronaut.outbox;

import io.auditrail.core.dispatch.outbox.OutboxRelay;
import java.time.Duration;
import java.util.List;

/**
 * One running {@link OutboxRelay} per remote sink, from application start-up until the context
 * closes, before the data source it depends on. A relay stopped mid-batch leaves its entries
 * leased; they are delivered again, with the same ids, by the next relay to claim them after
 * the lease.
 */
public final class OutboxRelays implements AutoCloseable {

    private final List<OutboxRelay> relays;
    private final Duration stopTimeout;

    private OutboxRelays(List<OutboxRelay> relays, Duration stopTimeout) {
        this.relays = List.copyOf(relays);
        this.stopTimeout = stopTimeout;
    }

    /**
     * Starts the relays.
     *
     * @param relays the relays, not yet started
     * @param stopTimeout how long each relay may finish its batch on close
     * @return the running relays
     */
    public static OutboxRelays start(List<OutboxRelay> relays, Duration stopTimeout) {
        OutboxRelays running = new OutboxRelays(relays, stopTimeout);
        running.relays.forEach(OutboxRelay::start);
        return running;
    }

    /**
     * The relays.
     *
     * @return one per remote sink
     */
    public List<OutboxRelay> relays() {
        return relays;
    }

    @Override
    public void close() {
        relays.forEach(relay -> relay.close(stopTimeout));
    }
}
