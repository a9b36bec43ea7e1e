package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues events in a bounded in-memory queue; one background writer hands them to the
 * sink in batches, by size or after the flush interval. A failing batch is retried with
 * capped exponential backoff until it is stored or refused for good, so the queue applies
 * back-pressure through its {@link OverflowPolicy} rather than losing events silently.
 *
 * <p>{@link #close(Duration)} stops intake and delivers what is queued until the deadline,
 * then reports the rest. Events still in memory when the JVM dies are lost; use the outbox
 * mode when that is not acceptable.
 */
public final class AsyncDispatcher implements QueuingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AsyncDispatcher.class);
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long DROP_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AuditSink sink;
    private final AsyncSettings settings;
    private final AuditMonitor monitor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BlockingQueue<AuditEvent> queue;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<AuditEvent> abandoned = new ArrayList<>();
    private final AtomicInteger deliveredWhileClosing = new AtomicInteger();
    private final AtomicLong droppedCount = new AtomicLong();
    private final AtomicLong lastDropWarning = new AtomicLong(System.nanoTime() - DROP_WARNING_INTERVAL_NANOS);
    private final Thread writer;
    private volatile Instant closeDeadline;
    private volatile List<AuditEvent> inFlight = List.of();

    /**
     * Creates and starts a dispatcher that sleeps for real between retries.
     *
     * @param sink where events go
     * @param settings queue, batch and retry settings
     * @param monitor observes deliveries, failures and drops
     */
    public AsyncDispatcher(AuditSink sink, AsyncSettings settings, AuditMonitor monitor) {
        this(sink, settings, monitor, Clock.systemUTC(), null);
    }

    /**
     * Creates and starts a dispatcher with an injected clock and sleeper, for tests.
     *
     * @param sink where events go
     * @param settings queue, batch and retry settings
     * @param monitor observes deliveries, failures and drops
     * @param clock measures the close deadline
     * @param sleeper waits between retries; {@code null} for a real wait that ends early on close
     */
    public AsyncDispatcher(AuditSink sink, AsyncSettings settings, AuditMonitor monitor, Clock clock, Sleeper sleeper) {
        this(sink, settings, monitor, clock, sleeper, "auditrail-writer-" + sink.name());
    }

    /** One of several writers in front of the same sink, each with a thread name of its own. */
    AsyncDispatcher(AuditSink sink, AsyncSettings settings, AuditMonitor monitor, String threadName) {
        this(sink, settings, monitor, Clock.systemUTC(), null, threadName);
    }

    private AsyncDispatcher(AuditSink sink, AsyncSettings settings, AuditMonitor monitor, Clock clock, Sleeper sleeper,
            String threadName) {
        this.sink = sink;
        this.settings = settings;
        this.monitor = monitor;
        this.clock = clock;
        this.sleeper = sleeper != null ? sleeper : this::sleepUnlessClosing;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.writer = new Thread(this::writeLoop, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void dispatch(AuditEvent event) {
        if (closeDeadline != null) {
            throw closed(event);
        }
        enqueue(event);
        // A close that began while this event was being queued may already have drained the
        // queue; take the event back rather than leave it unreported in a dead queue.
        if (closeDeadline != null && queue.remove(event)) {
            throw closed(event);
        }
    }

    private IllegalStateException closed(AuditEvent event) {
        monitor.dropped(sink.name(), event, "closed");
        return new IllegalStateException("audit dispatcher for sink '" + sink.name()
                + "' is closed; event " + event.id() + " (" + event.action() + ") was not accepted");
    }

    private void enqueue(AuditEvent event) {
        switch (settings.overflowPolicy()) {
            case DROP -> {
                if (!queue.offer(event)) {
                    drop(event);
                }
            }
            case FAIL -> {
                if (!queue.offer(event)) {
                    throw queueFull(event, Duration.ZERO);
                }
            }
            case BLOCK -> {
                try {
                    if (!queue.offer(event, settings.blockTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                        throw queueFull(event, settings.blockTimeout());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw queueFull(event, Duration.ZERO);
                }
            }
        }
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    /**
     * Events dropped under {@link OverflowPolicy#DROP} since start.
     *
     * @return the count
     */
    public long droppedCount() {
        return droppedCount.get();
    }

    @Override
    public DrainResult close(Duration timeout) {
        synchronized (this) {
            if (closeDeadline == null) {
                closeDeadline = clock.instant().plus(timeout);
                closing.countDown();
            }
        }
        try {
            writer.join(Math.max(1, timeout.toMillis()));
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AuditEvent> undelivered;
        synchronized (abandoned) {
            undelivered = new ArrayList<>(abandoned);
        }
        undelivered.addAll(inFlight);
        queue.drainTo(undelivered);
        for (AuditEvent event : undelivered) {
            monitor.dropped(sink.name(), event, "undelivered-at-close");
        }
        if (!undelivered.isEmpty()) {
            log.error("Audit sink '{}' closed with {} undelivered events; first id {}", sink.name(), undelivered.size(),
                    undelivered.get(0).id());
        }
        return new DrainResult(deliveredWhileClosing.get(), undelivered);
    }

    /**
     * Waits between retries. Before close the wait ends early when close begins, so the drain
     * starts at once; during the drain it is a real wait, bounded by the deadline, so a failing
     * sink is not retried in a tight loop.
     */
    private void sleepUnlessClosing(Duration duration) throws InterruptedException {
        Instant deadline = closeDeadline;
        if (deadline == null) {
            if (!closing.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            deadline = closeDeadline;
        }
        long remaining = Duration.between(clock.instant(), deadline).toMillis();
        Thread.sleep(Math.max(0, Math.min(duration.toMillis(), remaining)));
    }

    private void writeLoop() {
        List<AuditEvent> batch = new ArrayList<>(settings.batchSize());
        try {
            while (true) {
                AuditEvent first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closeDeadline != null) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                fill(batch);
                try {
                    deliver(List.copyOf(batch));
                } catch (RuntimeException | Error e) {
                    // The writer must outlive any failure, or every later event would wait and be lost.
                    log.error("Audit writer for sink '{}' failed on a batch of {} events (first id {}); "
                            + "they are dropped", sink.name(), batch.size(), batch.get(0).id(), e);
                    batch.forEach(event -> monitorSafely(() -> monitor.dropped(sink.name(), event, "writer-failure")));
                    inFlight = List.of();
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fill(List<AuditEvent> batch) throws InterruptedException {
        long deadline = System.nanoTime() + settings.flushInterval().toNanos();
        while (batch.size() < settings.batchSize()) {
            queue.drainTo(batch, settings.batchSize() - batch.size());
            long remaining = deadline - System.nanoTime();
            if (batch.size() >= settings.batchSize() || closeDeadline != null || remaining <= 0) {
                return;
            }
            // Short slices, so that a close during a long flush interval is noticed promptly.
            AuditEvent next = queue.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS)),
                    TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
    }

    private void deliver(List<AuditEvent> batch) throws InterruptedException {
        List<AuditEvent> pending = batch;
        inFlight = pending;
        for (int attempt = 1; ; attempt++) {
            if (pastCloseDeadline()) {
                abandon(pending);
                return;
            }
            long start = System.nanoTime();
            try {
                sink.write(pending);
            } catch (RuntimeException e) {
                AuditSinkException sinkError = e instanceof AuditSinkException error ? error : null;
                boolean retryable = sinkError == null || sinkError.isRetryable();
                List<AuditEvent> failed = pending;
                monitorSafely(() -> monitor.sinkFailed(sink.name(), failed, e, retryable));
                List<AuditEvent> rest = pending;
                if (sinkError != null && !sinkError.rejections().isEmpty()) {
                    deadLetter(sinkError.rejections());
                    rest = withoutRejected(pending, sinkError.rejections());
                }
                if (!retryable) {
                    if (sinkError.rejections().isEmpty()) {
                        reject(pending, e);
                    } else if (!rest.isEmpty()) {
                        delivered(rest, start);
                    }
                    inFlight = List.of();
                    return;
                }
                if (rest.isEmpty()) {
                    inFlight = List.of();
                    return;
                }
                pending = rest;
                inFlight = pending;
                Duration wait = settings.backoff().delay(attempt, ThreadLocalRandom.current().nextDouble());
                if (sinkError != null && sinkError.retryAfter().isPresent()
                        && sinkError.retryAfter().get().compareTo(wait) > 0) {
                    wait = sinkError.retryAfter().get();
                }
                log.warn("Audit sink '{}' failed to store {} events (attempt {}), retrying in {} ms: {}", sink.name(),
                        pending.size(), attempt, wait.toMillis(), e.toString());
                sleeper.sleep(wait);
                continue;
            }
            delivered(pending, start);
            return;
        }
    }

    private static void monitorSafely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.debug("Audit monitor failed", e);
        }
    }

    private void delivered(List<AuditEvent> events, long startNanos) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
        monitorSafely(() -> monitor.delivered(sink.name(), events, latency));
        if (closeDeadline != null) {
            deliveredWhileClosing.addAndGet(events.size());
        }
        inFlight = List.of();
    }

    private static List<AuditEvent> withoutRejected(List<AuditEvent> batch, List<AuditSinkException.Rejection> rejections) {
        Set<UUID> rejected = new HashSet<>();
        rejections.forEach(rejection -> rejected.add(rejection.event().id()));
        return batch.stream().filter(event -> !rejected.contains(event.id())).toList();
    }

    private void deadLetter(List<AuditSinkException.Rejection> rejections) {
        for (AuditSinkException.Rejection rejection : rejections) {
            log.error("Audit sink '{}' refused event {} ({}) for good: {}", sink.name(), rejection.event().id(),
                    rejection.event().action(), rejection.reason());
            monitorSafely(() -> monitor.dropped(sink.name(), rejection.event(), "rejected"));
        }
    }

    private boolean pastCloseDeadline() {
        Instant deadline = closeDeadline;
        return deadline != null && !clock.instant().isBefore(deadline);
    }

    private void abandon(List<AuditEvent> batch) {
        synchronized (abandoned) {
            abandoned.addAll(batch);
        }
        inFlight = List.of();
    }

    private void reject(List<AuditEvent> batch, RuntimeException error) {
        log.error("Audit sink '{}' refused {} events for good, dropping them (first id {}): {}", sink.name(),
                batch.size(), batch.get(0).id(), error.toString());
        for (AuditEvent event : batch) {
            monitor.dropped(sink.name(), event, "rejected");
        }
        inFlight = List.of();
    }

    private void drop(AuditEvent event) {
        long count = droppedCount.incrementAndGet();
        monitor.dropped(sink.name(), event, "queue-full");
        long now = System.nanoTime();
        long last = lastDropWarning.get();
        if (now - last >= DROP_WARNING_INTERVAL_NANOS && lastDropWarning.compareAndSet(last, now)) {
            log.warn("Audit queue for sink '{}' is full ({} events); dropped event {} ({}); {} dropped since start",
                    sink.name(), settings.capacity(), event.id(), event.action(), count);
        }
    }

    private AuditQueueFullException queueFull(AuditEvent event, Duration waited) {
        monitor.dropped(sink.name(), event, "queue-full");
        return new AuditQueueFullException("audit queue for sink '" + sink.name() + "' is full ("
                + settings.capacity() + " events, waited " + waited.toMillis() + " ms); event " + event.id()
                + " (" + event.action() + ") was not accepted");
    }
}
