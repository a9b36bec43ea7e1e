package io.auditrail.core.dispatch.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the lease of the batch a relay is delivering, on a thread of its own, for as long as
 * the sink call takes. A relay that dies stops renewing, so its entries become due a lease
 * after its last renewal: the lease can be short (prompt recovery) without a slow sink losing
 * its entries to another relay (no needless second delivery).
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Outbox outbox;
    private final String owner;
    private final String sinkName;
    private final Duration lease;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile List<OutboxEntry> held = List.of();
    private boolean closed;

    LeaseKeeper(Outbox outbox, String owner, String sinkName, OutboxRelaySettings settings, Clock clock) {
        this.outbox = outbox;
        this.owner = owner;
        this.sinkName = sinkName;
        this.lease = settings.lease();
        this.interval = settings.leaseRenewalInterval();
        this.clock = clock;
    }

    /**
     * Keeps the batch leased until the returned handle is closed.
     *
     * @param batch the entries in hand
     * @return closes to stop renewing
     */
    synchronized Held hold(List<OutboxEntry> batch) {
        if (closed) {
            // A relay call after close must not start a renewal thread nothing would stop.
            return () -> { };
        }
        held = List.copyOf(batch);
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "auditrail-outbox-lease-" + sinkName);
                thread.setDaemon(true);
                return thread;
            });
        }
        long nanos = interval.toNanos();
        ScheduledFuture<?> renewals = scheduler.scheduleAtFixedRate(this::renew, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> {
            renewals.cancel(false);
            held = List.of();
        };
    }

    /** Extends the lease of the batch in hand, if any, to a full lease from now. */
    void renew() {
        List<OutboxEntry> batch = held;
        if (batch.isEmpty()) {
            return;
        }
        try {
            int renewed = outbox.renew(owner, batch, clock.instant().plus(lease));
            if (renewed < batch.size() && held == batch) {
                log.warn("Audit outbox relay {} lost the lease of {} of {} events it is delivering to sink '{}'; "
                        + "another relay may deliver them as well, with the same ids", owner, batch.size() - renewed,
                        batch.size(), sinkName);
            }
        } catch (RuntimeException e) {
            log.warn("Audit outbox relay {} cannot renew the lease of {} events for sink '{}'; if renewals keep "
                    + "failing for {} s another relay may deliver them as well, with the same ids: {}", owner,
                    batch.size(), sinkName, lease.toSeconds(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        held = List.of();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Stops the renewals of one batch. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
