package io.auditrail.core.stream;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One stream as the API returns it. Never holds the secret, only whether one is set.
 *
 * @param id the stream's id (a UUID string)
 * @param organizationId the organisation whose events it delivers
 * @param name a label chosen by the admin
 * @param kind the destination kind
 * @param url the destination URL
 * @param format how events are written
 * @param state active or paused
 * @param startPoint where the stream started reading
 * @param createdAt when it was created
 * @param updatedAt when it was last changed (including pause and resume)
 */
public record StreamDefinition(String id, String organizationId, String name, DestinationKind kind, URI url,
        StreamFormat format, StreamState state, StartPoint startPoint, Instant createdAt, Instant updatedAt) {

    /** Checks that every value is present. */
    public StreamDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startPoint, "startPoint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
