package io.auditrail.core.json;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event's fields as a store keeps them, read but not validated: what
 * {@link AuditEventCodec#toCanonicalJson(EventText)} turns into canonical bytes without building an
 * {@link io.auditrail.core.event.AuditEvent}. For a row the store wrote from a valid event the bytes
 * equal {@link AuditEventCodec#toCanonicalJson(io.auditrail.core.event.AuditEvent)}'s; for any other
 * row they are only a guess, so a verifier that finds them disagreeing with a stored hash must
 * decide with the validated event.
 *
 * @param id the event id, as text
 * @param timestamp when it happened
 * @param organizationId its organisation, or {@code null}
 * @param actorId the actor's id
 * @param actorName the actor's name, or {@code null}
 * @param actorEmail the actor's email, or {@code null}
 * @param actorType the actor type's wire name
 * @param action the action
 * @param resourceType the resource type
 * @param resourceId the resource id
 * @param resourceName the resource name, or {@code null}
 * @param outcome the outcome's wire name
 * @param errorType the error type, or {@code null}
 * @param errorMessage the error message, or {@code null}
 * @param ip the client address, or {@code null}
 * @param userAgent the user agent, or {@code null}
 * @param requestId the request id, or {@code null}
 * @param metadataJson the metadata object as JSON text, or {@code null} for none
 */
public record EventText(String id, Instant timestamp, @Nullable String organizationId, String actorId,
        @Nullable String actorName, @Nullable String actorEmail, String actorType, String action, String resourceType,
        String resourceId, @Nullable String resourceName, String outcome, @Nullable String errorType,
        @Nullable String errorMessage, @Nullable String ip, @Nullable String userAgent, @Nullable String requestId,
        @Nullable String metadataJson) {
}
