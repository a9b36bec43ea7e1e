package io.auditrail.spring.autoconfigure;

import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.RefusedBatch;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamNotFoundException;
import io.auditrail.core.stream.StreamService;
import io.auditrail.core.stream.StreamUpdate;
import io.auditrail.core.stream.TestDeliveryResult;
import java.util.List;
import java.util.Optional;

/** An application's own stream service that has no streams, to show it takes the engine's place. */
final class NoStreams implements StreamService {

    @Override
    public StreamDefinition create(String organizationId, NewStream stream) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<StreamDefinition> list(String organizationId) {
        return List.of();
    }

    @Override
    public Optional<StreamDefinition> get(String organizationId, String streamId) {
        return Optional.empty();
    }

    @Override
    public StreamDefinition update(String organizationId, String streamId, StreamUpdate update) {
        throw new StreamNotFoundException(streamId);
    }

    @Override
    public StreamDefinition pause(String organizationId, String streamId) {
        throw new StreamNotFoundException(streamId);
    }

    @Override
    public StreamDefinition resume(String organizationId, String streamId) {
        throw new StreamNotFoundException(streamId);
    }

    @Override
    public boolean delete(String organizationId, String streamId) {
        return false;
    }

    @Override
    public TestDeliveryResult sendTestEvent(String organizationId, String streamId) {
        throw new StreamNotFoundException(streamId);
    }

    @Override
    public StreamHealth health(String organizationId, String streamId) {
        throw new StreamNotFoundException(streamId);
    }

    @Override
    public List<RefusedBatch> refusedBatches(String organizationId, String streamId, int limit) {
        throw new StreamNotFoundException(streamId);
    }
}
