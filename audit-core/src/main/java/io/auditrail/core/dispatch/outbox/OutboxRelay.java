package io.auditrail.core.dispatch.outbox;

import io.auditrail.core.dispatch.Sleeper;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an {@link Outbox}'s entries for one sink: claims a batch under a lease, writes it
 * to the sink, and marks each entry delivered, due for a retry, or dead.
 *
 * <ul>
 *   <li>Transient failures (a retryable {@link AuditSinkException} or any other exception) are
 *       retried with the settings' capped exponential backoff and jitter, never sooner than the
 *       sink's {@code Retry-After}; the relay itself pauses as long before its next claim.</li>
 *   <li>Events the sink refuses for good are parked as dead with the sink's reason and never retried.</li>
 *   <li>While the sink call runs, the relay renews the batch's lease every third of the lease,
 *       so a slow sink does not lose its entries to another relay. An entry whose relay died is
 *       claimed again when its lease ends, at most a lease after the relay's last renewal:
 *       delivery is at least once, with the same event id, and several instances may relay at
 *       once without sharing an entry.</li>
 * </ul>
 * Each relay runs on one daemon thread between {@link #start()} and {@link #close(Duration)};
 * {@link #relayOnce()} runs one pass on the calling thread, for tests and schedulers.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LONGEST_PURGE_INTERVAL = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final AuditSink sink;
    private final OutboxRelaySettings settings;
    private final AuditMonitor monitor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String owner;
    private final LeaseKeeper leases;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread thread;
    private int consecutiveFailures;
    private Instant nextPurge;

    /**
     * The sinks an outbox relays to: all but those writing in the application's own transaction,
     * which get their events there and need no relay.
     *
     * @param sinks every sink, in configuration order
     * @return the remote ones, in the same order
     * @throws IllegalStateException when two of them share a name, as outbox rows address sinks by name
     */
    public static List<AuditSink> relayedSinks(List<AuditSink> sinks) {
        List<AuditSink> relayed = sinks.stream().filter(sink -> !sink.joinsTransactions()).toList();
        Set<String> names = new HashSet<>();
        for (AuditSink sink : relayed) {
            if (!names.add(sink.name())) {
                // Rows are addressed by sink name: two sinks of one name would each get some of the other's events.
                throw new IllegalStateException("two audit sinks are named '" + sink.name() + "'; the outbox tells "
                        + "sinks apart by name, so give each AuditSink a distinct name()");
            }
        }
        return relayed;
    }

    /**
     * Creates a relay that waits for real, ending its waits early when closed.
     *
     * @param outbox where entries wait
     * @param sink where they go; its name is the destination
     * @param settings batch, poll, lease, backoff and retention settings
     * @param monitor observes deliveries, failures and dead letters
     */
    public OutboxRelay(Outbox outbox, AuditSink sink, OutboxRelaySettings settings, AuditMonitor monitor) {
        this(outbox, sink, settings, monitor, Clock.systemUTC(), null);
    }

    /**
     * Creates a relay with an injected clock and sleeper, for tests.
     *
     * @param outbox where entries wait
     * @param sink where they go; its name is the destination
     * @param settings batch, poll, lease, backoff and retention settings
     * @param monitor observes deliveries, failures and dead letters
     * @param clock the time for claims, leases and retries
     * @param sleeper waits between passes; {@code null} for a real wait that ends early on close
     */
    public OutboxRelay(Outbox outbox, AuditSink sink, OutboxRelaySettings settings, AuditMonitor monitor, Clock clock,
            Sleeper sleeper) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = sleeper != null ? sleeper : this::sleepUntilStopped;
        this.owner = sink.name() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new LeaseKeeper(outbox, owner, sink.name(), settings, clock);
    }

    /**
     * The lease owner this relay claims as, unique per relay.
     *
     * @return the owner
     */
    public String owner() {
        return owner;
    }

    /** Starts the background thread; a relay starts once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("outbox relay " + owner + " was already started");
        }
        thread = new Thread(this::run, "auditrail-outbox-" + sink.name());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether the background thread is running.
     *
     * @return {@code true} between start and close
     */
    public boolean isRunning() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    /**
     * Runs one pass: purges old delivered entries when due, claims one batch and delivers it.
     *
     * @return how long to wait before the next pass: zero while a full batch was delivered,
     *         the poll interval once the backlog is empty, a backoff after a failure
     */
    public synchronized Duration relayOnce() {
        Instant now = clock.instant();
        List<OutboxEntry> batch;
        try {
            purgeWhenDue(now);
            batch = outbox.claim(sink.name(), owner, settings.batchSize(), now, settings.lease());
        } catch (RuntimeException e) {
            Duration pause = backoff(null);
            log.warn("Audit outbox relay for sink '{}' cannot claim events, trying again in {} ms: {}", sink.name(),
                    pause.toMillis(), e.toString());
            return pause;
        }
        if (batch.isEmpty()) {
            return settings.pollInterval();
        }
        try {
            Duration pause = deliver(batch);
            if (!pause.isZero()) {
                return pause;
            }
        } catch (RuntimeException e) {
            // Marks failed (database down): the leases run out and the entries are delivered again, same ids.
            Duration pause = backoff(null);
            log.warn("Audit outbox relay for sink '{}' cannot record the outcome of {} events, trying again in {} ms;"
                    + " they are delivered again when their lease ends: {}", sink.name(), batch.size(),
                    pause.toMillis(), e.toString());
            return pause;
        }
        consecutiveFailures = 0;
        return batch.size() < settings.batchSize() ? settings.pollInterval() : Duration.ZERO;
    }

    /**
     * Stops the background thread, waiting for the batch in hand up to the timeout. Entries
     * still leased are delivered by whichever relay claims them after the lease.
     *
     * @param timeout longest wait
     */
    public void close(Duration timeout) {
        stopping.countDown();
        Thread current = thread;
        if (current == null) {
            leases.close();
            return;
        }
        try {
            current.join(Math.max(1, timeout.toMillis()));
            if (current.isAlive()) {
                current.interrupt();
                current.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            leases.close();
        }
    }

    /** Closes with a 10-second deadline. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private void run() {
        try {
            while (stopping.getCount() > 0) {
                Duration pause;
                try {
                    pause = relayOnce();
                } catch (RuntimeException | Error e) {
                    // The relay must outlive any failure, or the outbox would silently stop draining.
                    log.error("Audit outbox relay for sink '{}' failed", sink.name(), e);
                    pause = settings.pollInterval();
                }
                if (!pause.isZero() && stopping.getCount() > 0) {
                    sleeper.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleepUntilStopped(Duration duration) throws InterruptedException {
        stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void purgeWhenDue(Instant now) {
        if (nextPurge != null && now.isBefore(nextPurge)) {
            return;
        }
        Duration retention = settings.deliveredRetention();
        nextPurge = now.plus(retention.compareTo(LONGEST_PURGE_INTERVAL) < 0 ? retention : LONGEST_PURGE_INTERVAL);
        long purged = outbox.purgeDelivered(now.minus(retention));
        if (purged > 0) {
            log.debug("Audit outbox purged {} delivered events", purged);
        }
    }

    /** Writes the batch and records the outcome; returns the pause the relay owes the sink. */
    private Duration deliver(List<OutboxEntry> batch) {
        List<AuditEvent> events = batch.stream().map(OutboxEntry::event).toList();
        long start = System.nanoTime();
        // Renewals end before the outcome is marked, so a mark never races a renewal of its own batch.
        RuntimeException failure = null;
        LeaseKeeper.Held held = leases.hold(batch);
        try {
            sink.write(events);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            held.close();
        }
        if (failure != null) {
            return failed(batch, events, failure, start);
        }
        outbox.markDelivered(owner, batch, clock.instant());
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        monitorSafely(() -> monitor.delivered(sink.name(), events, latency));
        return Duration.ZERO;
    }

    private Duration failed(List<OutboxEntry> batch, List<AuditEvent> events, RuntimeException error, long start) {
        AuditSinkException sinkError = error instanceof AuditSinkException e ? e : null;
        boolean retryable = sinkError == null || sinkError.isRetryable();
        Map<UUID, String> rejected = new HashMap<>();
        if (sinkError != null) {
            sinkError.rejections().forEach(rejection -> rejected.put(rejection.event().id(), rejection.reason()));
        }
        monitorSafely(() -> monitor.sinkFailed(sink.name(), events, error, retryable));
        Instant now = clock.instant();
        List<OutboxEntry> rest = new ArrayList<>();
        for (OutboxEntry entry : batch) {
            String reason = rejected.get(entry.event().id());
            if (reason != null) {
                deadLetter(entry, reason, now);
            } else {
                rest.add(entry);
            }
        }
        if (!retryable) {
            if (rejected.isEmpty()) {
                rest.forEach(entry -> deadLetter(entry, String.valueOf(error.getMessage()), now));
            } else if (!rest.isEmpty()) {
                List<AuditEvent> stored = rest.stream().map(OutboxEntry::event).toList();
                outbox.markDelivered(owner, rest, now);
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                monitorSafely(() -> monitor.delivered(sink.name(), stored, latency));
            }
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            return Duration.ZERO;
        }
        Duration retryAfter = sinkError == null ? null : sinkError.retryAfter().orElse(null);
        List<Outbox.Retry> retries = rest.stream()
                .map(entry -> new Outbox.Retry(entry, now.plus(atLeast(delay(entry.attempts() + 1), retryAfter))))
                .toList();
        outbox.retryLater(owner, retries, error.getMessage());
        Duration pause = backoff(retryAfter);
        log.warn("Audit sink '{}' failed to store {} outbox events, next pass in {} ms: {}", sink.name(), rest.size(),
                pause.toMillis(), error.toString());
        return pause;
    }

    private void deadLetter(OutboxEntry entry, String reason, Instant now) {
        outbox.markDead(owner, entry, reason, now);
        log.error("Audit sink '{}' refused event {} ({}) for good; parked as a dead letter: {}", sink.name(),
                entry.event().id(), entry.event().action(), reason);
        monitorSafely(() -> monitor.dropped(sink.name(), entry.event(), "dead-letter"));
    }

    private Duration backoff(Duration retryAfter) {
        consecutiveFailures++;
        return atLeast(delay(consecutiveFailures), retryAfter);
    }

    private Duration delay(int attempt) {
        return settings.backoff().delay(attempt, ThreadLocalRandom.current().nextDouble());
    }

    private static Duration atLeast(Duration wait, Duration floor) {
        return floor != null && floor.compareTo(wait) > 0 ? floor : wait;
    }

    private static void monitorSafely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.debug("Audit monitor failed", e);
        }
    }
}
