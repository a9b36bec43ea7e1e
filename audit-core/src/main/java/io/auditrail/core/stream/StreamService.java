package io.auditrail.core.stream;

import java.util.List;
import java.util.Optional;

/**
 * The admin operations on an organisation's streams. Every operation is scoped by the
 * organisation id the caller is an admin of (the endpoint resolves it from the authenticated
 * principal, never from the request): a stream of another organisation behaves as if it did
 * not exist.
 */
public interface StreamService {

    /**
     * Creates a stream after checking every field, the URL's scheme and every address its host
     * resolves to.
     *
     * @param organizationId the caller's organisation
     * @param stream what to create
     * @return the stream, active
     * @throws InvalidStreamException naming the field at fault
     * @throws ForbiddenDestinationException when the URL's host is or resolves to a refused address
     */
    StreamDefinition create(String organizationId, NewStream stream);

    /**
     * Lists the organisation's streams, oldest first.
     *
     * @param organizationId the caller's organisation
     * @return the streams
     */
    List<StreamDefinition> list(String organizationId);

    /**
     * Finds one stream.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @return the stream, or empty when the organisation has no stream with this id
     */
    Optional<StreamDefinition> get(String organizationId, String streamId);

    /**
     * Changes the fields the update sets.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @param update the change
     * @return the changed stream
     * @throws StreamNotFoundException when the organisation has no such stream
     * @throws InvalidStreamException naming the field at fault
     */
    StreamDefinition update(String organizationId, String streamId, StreamUpdate update);

    /**
     * Stops delivery; the cursor stays, so resuming continues where it stopped.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @return the paused stream
     * @throws StreamNotFoundException when the organisation has no such stream
     */
    StreamDefinition pause(String organizationId, String streamId);

    /**
     * Restarts delivery at once (also after a pause caused by a 401/403), clearing the backoff.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @return the active stream
     * @throws StreamNotFoundException when the organisation has no such stream
     */
    StreamDefinition resume(String organizationId, String streamId);

    /**
     * Deletes the stream, its cursor, secret and refused-batch records. The events stay.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @return whether a stream was deleted
     */
    boolean delete(String organizationId, String streamId);

    /**
     * Sends one test event, formatted and signed as real ones, and reports the receiver's
     * answer. Does not move the cursor or change the health.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @return the answer
     * @throws StreamNotFoundException when the organisation has no such stream
     */
    TestDeliveryResult sendTestEvent(String organizationId, String streamId);

    /**
     * Reports the stream's delivery health.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @return the health
     * @throws StreamNotFoundException when the organisation has no such stream
     */
    StreamHealth health(String organizationId, String streamId);

    /**
     * Lists the batches the receiver refused for good, newest first.
     *
     * @param organizationId the caller's organisation
     * @param streamId the stream's id
     * @param limit most records returned, 1 to 1000
     * @return the records
     * @throws StreamNotFoundException when the organisation has no such stream
     */
    List<RefusedBatch> refusedBatches(String organizationId, String streamId, int limit);
}
