package io.auditrail.jdbc.stream;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.stream.HealthState;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.RefusedBatch;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamNotFoundException;
import io.auditrail.core.stream.StreamService;
import io.auditrail.core.stream.StreamState;
import io.auditrail.core.stream.StreamUpdate;
import io.auditrail.core.stream.TestDeliveryResult;
import io.auditrail.core.internal.stream.delivery.Verdict;
import io.auditrail.core.internal.stream.delivery.Verdicts;
import io.auditrail.core.internal.stream.net.DestinationGuard;
import io.auditrail.core.internal.stream.secret.SecretBox;
import io.auditrail.core.internal.stream.secret.SecretRules;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The admin operations on the streams table, every one scoped by organisation. */
final class JdbcStreamService implements StreamService {

    private final StreamRepository repository;
    private final EventSource events;
    private final DestinationGuard guard;
    private final SecretBox secrets;
    private final Sender sender;
    private final Clock clock;
    private final int failingAfterAttempts;

    JdbcStreamService(StreamRepository repository, EventSource events, DestinationGuard guard, SecretBox secrets,
            Sender sender, Clock clock, int failingAfterAttempts) {
        this.repository = repository;
        this.events = events;
        this.guard = guard;
        this.secrets = secrets;
        this.sender = sender;
        this.clock = clock;
        this.failingAfterAttempts = failingAfterAttempts;
    }

    @Override
    public StreamDefinition create(String organizationId, NewStream stream) {
        StreamRequestChecks.organization(organizationId);
        Objects.requireNonNull(stream, "stream");
        String name = StreamRequestChecks.name(stream.name());
        if (stream.kind() == null) {
            throw new InvalidStreamException("kind is required: WEBHOOK, SPLUNK_HEC or DATADOG");
        }
        guard.resolve(stream.url());
        String secret = SecretRules.check(stream.kind(), stream.secret());
        StreamRequestChecks.backfill(stream.startPoint().backfillFrom(), clock);
        if (repository.countFor(organizationId) >= StreamRequestChecks.MAX_STREAMS_PER_ORGANIZATION) {
            throw new InvalidStreamException("an organisation may have at most "
                    + StreamRequestChecks.MAX_STREAMS_PER_ORGANIZATION + " streams");
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        long cursor = stream.startPoint().isNow() ? events.maxSequence()
                : events.cursorBefore(organizationId, stream.startPoint().backfillFrom());
        StreamDefinition definition = new StreamDefinition(id, organizationId, name, stream.kind(), stream.url(),
                stream.format(), StreamState.ACTIVE, stream.startPoint(), now, now);
        repository.insert(new StoredStream(definition, secrets.seal(id, secret), cursor, null, null, 0, now, null, null,
                null, 0, 0));
        return definition;
    }

    @Override
    public List<StreamDefinition> list(String organizationId) {
        StreamRequestChecks.organization(organizationId);
        return repository.list(organizationId).stream().map(StoredStream::definition).toList();
    }

    @Override
    public Optional<StreamDefinition> get(String organizationId, String streamId) {
        StreamRequestChecks.organization(organizationId);
        return repository.find(organizationId, streamId).map(StoredStream::definition);
    }

    @Override
    public StreamDefinition update(String organizationId, String streamId, StreamUpdate update) {
        StoredStream stored = stored(organizationId, streamId);
        StreamDefinition current = stored.definition();
        if (update == null || update.isEmpty()) {
            return current;
        }
        String name = update.name() == null ? current.name() : StreamRequestChecks.name(update.name());
        if (update.url() != null) {
            guard.resolve(update.url());
        }
        String sealed = update.secret() == null ? stored.sealedSecret()
                : secrets.seal(streamId, SecretRules.check(current.kind(), update.secret()));
        Instant now = clock.instant();
        StreamDefinition changed = new StreamDefinition(current.id(), organizationId, name,
                current.kind(), update.url() == null ? current.url() : update.url(),
                update.format() == null ? current.format() : update.format(), current.state(), current.startPoint(),
                current.createdAt(), now);
        if (!repository.updateDefinition(organizationId, streamId, changed.name(), changed.url(), changed.format(), sealed,
                now)) {
            throw new StreamNotFoundException(streamId);
        }
        return changed;
    }

    @Override
    public StreamDefinition pause(String organizationId, String streamId) {
        return changeState(organizationId, streamId, StreamState.PAUSED);
    }

    @Override
    public StreamDefinition resume(String organizationId, String streamId) {
        return changeState(organizationId, streamId, StreamState.ACTIVE);
    }

    @Override
    public boolean delete(String organizationId, String streamId) {
        StreamRequestChecks.organization(organizationId);
        return repository.delete(organizationId, streamId);
    }

    @Override
    public TestDeliveryResult sendTestEvent(String organizationId, String streamId) {
        StoredStream stored = stored(organizationId, streamId);
        StreamDefinition stream = stored.definition();
        AuditEvent event = AuditEvent.builder().organizationId(organizationId).actor(Actor.system("auditrail"))
                .action("stream.tested").resource(new Resource("stream", streamId, stream.name()))
                .metadata("test", Boolean.TRUE).build();
        String messageId = "msg_test_" + event.id().toString().replace("-", "");
        long start = System.nanoTime();
        try {
            Sender.Exchange exchange = sender.send(stream, stored.sealedSecret(), messageId, "audit.test", List.of(event));
            Verdict verdict = exchange.verdict();
            boolean delivered = verdict.kind() == Verdict.Kind.DELIVERED;
            return new TestDeliveryResult(delivered, exchange.answer().status(),
                    Verdicts.printable(exchange.answer().body()), delivered ? null : verdict.detail(), elapsed(start));
        } catch (IOException e) {
            return new TestDeliveryResult(false, 0, "", Verdicts.of(e).detail(), elapsed(start));
        } catch (InvalidStreamException e) {
            return new TestDeliveryResult(false, 0, "", e.getMessage(), elapsed(start));
        }
    }

    @Override
    public StreamHealth health(String organizationId, String streamId) {
        StoredStream stored = stored(organizationId, streamId);
        long waiting = events.countAfter(organizationId, stored.cursor());
        Instant oldest = waiting == 0 ? null : events.firstTimeAfter(organizationId, stored.cursor());
        Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new StreamHealth(streamId, state(stored), waiting, lag.isNegative() ? Duration.ZERO : lag,
                stored.lastError(), stored.lastErrorAt(), stored.lastDeliveredAt(),
                stored.attempts() > 0 ? stored.nextAttemptAt() : null, stored.delivered(), stored.failed());
    }

    @Override
    public List<RefusedBatch> refusedBatches(String organizationId, String streamId, int limit) {
        StreamRequestChecks.limit(limit);
        stored(organizationId, streamId);
        return repository.refusedBatches(streamId, limit);
    }

    private HealthState state(StoredStream stored) {
        if (stored.definition().state() == StreamState.PAUSED) {
            return HealthState.PAUSED;
        }
        if (stored.attempts() >= failingAfterAttempts) {
            return HealthState.FAILING;
        }
        if (stored.attempts() > 0) {
            return HealthState.RETRYING;
        }
        boolean refusedSinceDelivery = stored.failed() > 0 && stored.lastErrorAt() != null
                && (stored.lastDeliveredAt() == null || stored.lastErrorAt().isAfter(stored.lastDeliveredAt()));
        return refusedSinceDelivery ? HealthState.FAILING : HealthState.HEALTHY;
    }

    private StreamDefinition changeState(String organizationId, String streamId, StreamState state) {
        stored(organizationId, streamId);
        if (!repository.setState(organizationId, streamId, state, clock.instant())) {
            throw new StreamNotFoundException(streamId);
        }
        return stored(organizationId, streamId).definition();
    }

    private StoredStream stored(String organizationId, String streamId) {
        StreamRequestChecks.organization(organizationId);
        if (streamId == null) {
            throw new StreamNotFoundException("null");
        }
        return repository.find(organizationId, streamId).orElseThrow(() -> new StreamNotFoundException(streamId));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
