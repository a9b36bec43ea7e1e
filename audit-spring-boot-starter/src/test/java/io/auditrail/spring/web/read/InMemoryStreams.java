package io.auditrail.spring.web.read;

import io.auditrail.core.stream.ForbiddenDestinationException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stream service's organisation scoping, in memory, for the endpoint's own tests: it keeps
 * the secrets it is given so that a test can tell they reach the service and never the answer.
 * The JDBC engine's behaviour is tested with the engine.
 */
final class InMemoryStreams implements StreamService {

    final Map<String, StreamDefinition> streams = new ConcurrentHashMap<>();
    final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public StreamDefinition create(String organizationId, NewStream stream) {
        if (stream.url().getHost().equals("127.0.0.1")) {
            throw new ForbiddenDestinationException(
                    "url: host 127.0.0.1 is a loopback address, which streams may not reach");
        }
        if (stream.name().length() > 100) {
            throw new InvalidStreamException("name: at most 100 characters");
        }
        Instant now = Instant.now();
        StreamDefinition created = new StreamDefinition(UUID.randomUUID().toString(), organizationId, stream.name(),
                stream.kind(), stream.url(), stream.format(), StreamState.ACTIVE, stream.startPoint(), now, now);
        streams.put(created.id(), created);
        secrets.put(created.id(), stream.secret());
        return created;
    }

    @Override
    public List<StreamDefinition> list(String organizationId) {
        return streams.values().stream().filter(stream -> stream.organizationId().equals(organizationId)).toList();
    }

    @Override
    public Optional<StreamDefinition> get(String organizationId, String streamId) {
        return Optional.ofNullable(streams.get(streamId)).filter(stream -> stream.organizationId().equals(organizationId));
    }

    @Override
    public StreamDefinition update(String organizationId, String streamId, StreamUpdate update) {
        StreamDefinition old = found(organizationId, streamId);
        if (update.secret() != null) {
            secrets.put(streamId, update.secret());
        }
        return replace(new StreamDefinition(old.id(), old.organizationId(), update.name() == null ? old.name()
                : update.name(), old.kind(), update.url() == null ? old.url() : update.url(), update.format() == null
                ? old.format() : update.format(), old.state(), old.startPoint(), old.createdAt(), Instant.now()));
    }

    @Override
    public StreamDefinition pause(String organizationId, String streamId) {
        return state(found(organizationId, streamId), StreamState.PAUSED);
    }

    @Override
    public StreamDefinition resume(String organizationId, String streamId) {
        return state(found(organizationId, streamId), StreamState.ACTIVE);
    }

    @Override
    public boolean delete(String organizationId, String streamId) {
        return get(organizationId, streamId).map(stream -> streams.remove(streamId) != null).orElse(false);
    }

    @Override
    public TestDeliveryResult sendTestEvent(String organizationId, String streamId) {
        found(organizationId, streamId);
        return new TestDeliveryResult(true, 204, "", null, Duration.ofMillis(7));
    }

    @Override
    public StreamHealth health(String organizationId, String streamId) {
        StreamDefinition stream = found(organizationId, streamId);
        return new StreamHealth(streamId, stream.state() == StreamState.PAUSED ? HealthState.PAUSED : HealthState.HEALTHY,
                3, Duration.ofSeconds(2), null, null, null, null, 0, 0);
    }

    @Override
    public List<RefusedBatch> refusedBatches(String organizationId, String streamId, int limit) {
        found(organizationId, streamId);
        return List.of();
    }

    private StreamDefinition found(String organizationId, String streamId) {
        return get(organizationId, streamId).orElseThrow(() -> new StreamNotFoundException(streamId));
    }

    private StreamDefinition state(StreamDefinition old, StreamState state) {
        return replace(new StreamDefinition(old.id(), old.organizationId(), old.name(), old.kind(), old.url(),
                old.format(), state, old.startPoint(), old.createdAt(), Instant.now()));
    }

    private StreamDefinition replace(StreamDefinition stream) {
        streams.put(stream.id(), stream);
        return stream;
    }
}
