package io.auditrail.jdbc.stream;

import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamMonitor;
import io.auditrail.core.stream.StreamState;
import io.auditrail.core.internal.stream.delivery.Verdict;
import io.auditrail.core.internal.stream.format.DestinationRequests;
import io.auditrail.jdbc.internal.query.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one stream while holding its lease: reads the next batch after the cursor (or the
 * batch already in flight, exactly), records it as in flight, sends it, and moves the cursor
 * on acceptance. A passing failure schedules a retry with capped, jittered backoff (longer if
 * the receiver's {@code Retry-After} says so) and gives the lease up; 401/403 pause the stream;
 * a batch refused for good is recorded and skipped.
 */
final class StreamDeliverer {

    private static final Logger LOG = LoggerFactory.getLogger(StreamDeliverer.class);

    /** Bounds one turn so that one busy stream cannot hold a delivery thread for ever. */
    private static final int MAX_BATCHES_PER_TURN = 50;

    private final StreamRepository repository;
    private final EventSource events;
    private final Sender sender;
    private final StreamMonitor monitor;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final String owner;

    StreamDeliverer(StreamRepository repository, EventSource events, Sender sender, StreamMonitor monitor, Clock clock,
            RetryBackoff backoff, Duration lease, int batchSize, String owner) {
        this.repository = repository;
        this.events = events;
        this.sender = sender;
        this.monitor = monitor;
        this.clock = clock;
        this.backoff = backoff;
        this.lease = lease;
        this.batchSize = batchSize;
        this.owner = owner;
    }

    String owner() {
        return owner;
    }

    /**
     * Delivers what is due for one stream, up to the horizon.
     *
     * @return events delivered or skipped in this turn
     */
    int deliver(String streamId, long horizon) {
        if (!repository.claim(streamId, owner, clock.instant(), clock.instant().plus(lease))) {
            return 0;
        }
        int moved = 0;
        try {
            for (int turn = 0; turn < MAX_BATCHES_PER_TURN; turn++) {
                Optional<StoredStream> row = repository.findById(streamId);
                if (row.isEmpty() || row.get().definition().state() != StreamState.ACTIVE
                        || !owner.equals(row.get().leaseOwner())) {
                    return moved;
                }
                int step = step(row.get(), horizon);
                if (step <= 0) {
                    return moved;
                }
                moved += step;
            }
            return moved;
        } finally {
            repository.release(streamId, owner);
        }
    }

    /** One batch; the events it moved the cursor past, 0 when caught up, -1 to stop the turn. */
    private int step(StoredStream stream, long horizon) {
        StreamDefinition definition = stream.definition();
        long cursor = stream.cursor();
        Long inflight = stream.inflightLast();
        int limit = definition.kind() == io.auditrail.core.stream.DestinationKind.DATADOG
                ? Math.min(batchSize, DestinationRequests.DATADOG_MAX_BATCH) : batchSize;
        List<StoredEvent> batch = inflight != null
                ? events.read(definition.organizationId(), cursor, inflight, Integer.MAX_VALUE - 1)
                : events.read(definition.organizationId(), cursor, horizon, limit);
        if (batch.isEmpty()) {
            if (inflight != null) {
                // The events in flight are gone (retention purged them): nothing is left to resend.
                repository.delivered(definition.id(), owner, cursor, inflight, 0, clock.instant());
                return 1;
            }
            monitor.lag(definition.organizationId(), definition.id(), Duration.ZERO);
            return 0;
        }
        long last = inflight != null ? inflight : batch.get(batch.size() - 1).sequence();
        monitor.lag(definition.organizationId(), definition.id(), age(batch.get(0).event().timestamp()));
        if (inflight == null) {
            if (!repository.startBatch(definition.id(), owner, cursor, last, clock.instant().plus(lease))) {
                return -1;
            }
        } else if (!repository.renew(definition.id(), owner, clock.instant().plus(lease))) {
            return -1;
        }
        List<AuditEvent> payload = batch.stream().map(StoredEvent::event).toList();
        String messageId = DestinationRequests.messageId(definition.id(), cursor, last);
        Verdict verdict = sender.deliver(definition, stream.sealedSecret(), messageId, payload);
        Instant now = clock.instant();
        switch (verdict.kind()) {
            case DELIVERED -> {
                if (!repository.delivered(definition.id(), owner, cursor, last, payload.size(), now)) {
                    return -1;
                }
                monitor.delivered(definition.organizationId(), definition.id(), payload.size());
                return payload.size();
            }
            case REFUSED -> {
                StreamRepository.RefusedRange range = new StreamRepository.RefusedRange(batch.get(0).sequence(), last,
                        payload.get(0).id().toString(), payload.get(payload.size() - 1).id().toString(), payload.size());
                if (!repository.refused(definition.id(), owner, cursor, range, verdict.status(), verdict.detail(), now)) {
                    return -1;
                }
                LOG.warn("Stream {} of organisation {}: {} events refused for good and skipped: {}", definition.id(),
                        definition.organizationId(), payload.size(), verdict.detail());
                monitor.failed(definition.organizationId(), definition.id(), payload.size());
                return payload.size();
            }
            case PAUSE -> {
                repository.pauseByReceiver(definition.id(), owner, verdict.detail(), now);
                LOG.warn("Stream {} of organisation {} paused: {}", definition.id(), definition.organizationId(),
                        verdict.detail());
                monitor.attemptFailed(definition.organizationId(), definition.id(), verdict.status());
                return -1;
            }
            default -> {
                int attempts = stream.attempts() + 1;
                Duration wait = backoff.delay(attempts, ThreadLocalRandom.current().nextDouble());
                if (verdict.retryAfter() != null && verdict.retryAfter().compareTo(wait) > 0) {
                    wait = verdict.retryAfter();
                }
                repository.retryLater(definition.id(), owner, attempts, now.plus(wait), verdict.detail(), now);
                LOG.debug("Stream {} attempt {} failed, retrying in {}: {}", definition.id(), attempts, wait,
                        verdict.detail());
                monitor.attemptFailed(definition.organizationId(), definition.id(), verdict.status());
                return -1;
            }
        }
    }

    private Duration age(Instant oldest) {
        Duration age = Duration.between(oldest, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
