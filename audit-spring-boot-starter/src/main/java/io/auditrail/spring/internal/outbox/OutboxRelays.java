package io.auditrail.spring.internal.outbox;

import io.auditrail.core.dispatch.outbox.OutboxRelay;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * One {@link OutboxRelay} per remote sink, started with the application context and stopped
 * before its data source closes. A relay stopped mid-batch leaves its entries leased; they
 * are delivered again, with the same ids, by the next relay to claim them after the lease.
 */
public final class OutboxRelays implements SmartLifecycle {

    private final List<OutboxRelay> relays;
    private final Duration stopTimeout;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param relays the relays, not yet started
     * @param stopTimeout how long each relay may finish its batch on stop
     */
    public OutboxRelays(List<OutboxRelay> relays, Duration stopTimeout) {
        this.relays = List.copyOf(relays);
        this.stopTimeout = stopTimeout;
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
    public synchronized void start() {
        if (!running) {
            relays.forEach(OutboxRelay::start);
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            relays.forEach(relay -> relay.close(stopTimeout));
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
