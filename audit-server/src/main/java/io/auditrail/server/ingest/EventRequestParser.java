package io.auditrail.server.ingest;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code POST /v1/events} body in the hosted API's shape into an event. Fields the
 * hosted API lacks arrive from Auditrail's own sink in {@code metadata._auditrail}; they fill
 * the event's outcome, actor type and request context, and the metadata is kept as sent, so
 * the event reads back exactly as it was posted.
 */
public final class EventRequestParser {

    private final AuditEventCodec codec;

    /**
     * Creates the parser.
     *
     * @param codec reads metadata into Auditrail's JSON value types
     */
    public EventRequestParser(AuditEventCodec codec) {
        this.codec = codec;
    }

    /**
     * Parses a body.
     *
     * @param body the parsed JSON
     * @param id the event id decided from the idempotency key
     * @param organizationId the caller's organisation
     * @param now the time used when the body has no timestamp
     * @return the event, not yet validated against the limits
     * @throws InvalidEventRequestException naming every missing field, or the first malformed one
     */
    public AuditEvent parse(JsonNode body, UUID id, String organizationId, Instant now) {
        if (body == null || !body.isObject()) {
            throw new InvalidEventRequestException("Request body must be a JSON object");
        }
        JsonNode actor = body.path("actor");
        JsonNode resource = body.path("resource");
        List<String> missing = new ArrayList<>();
        String actorId = required(actor, "id", "actor.id", missing);
        String action = required(body, "action", "action", missing);
        String resourceType = required(resource, "type", "resource.type", missing);
        String resourceId = required(resource, "id", "resource.id", missing);
        if (!missing.isEmpty()) {
            throw new InvalidEventRequestException("Missing required fields: " + String.join(", ", missing));
        }
        Map<String, Object> metadata = metadata(body.get("metadata"));
        Map<?, ?> extension = metadata.get(AuditEventCodec.HOSTED_API_EXTENSION_KEY) instanceof Map<?, ?> map
                ? map : Map.of();
        try {
            return AuditEvent.builder()
                    .id(id)
                    .timestamp(timestamp(body.get("timestamp"), now))
                    .organizationId(organizationId)
                    .actor(new Actor(actorId, optional(actor, "name", "actor.name"), optional(actor, "email", "actor.email"),
                            ActorType.fromWireName(text(extension, "actor_type", "user"))))
                    .action(action)
                    .resource(new Resource(resourceType, resourceId, optional(resource, "name", "resource.name")))
                    .outcome(outcome(extension))
                    .context(new RequestContext(text(extension, "ip", null), text(extension, "user_agent", null),
                            text(extension, "request_id", null)))
                    .metadata(metadata)
                    .build();
        } catch (InvalidAuditEventException e) {
            throw new InvalidEventRequestException(e.getMessage());
        }
    }

    /**
     * The event id Auditrail's sink sent in {@code metadata._auditrail.event_id}.
     *
     * @param body the parsed JSON
     * @return the id, or {@code null} when absent or not a UUID
     */
    public static UUID sentEventId(JsonNode body) {
        JsonNode eventId = body == null ? null
                : body.path("metadata").path(AuditEventCodec.HOSTED_API_EXTENSION_KEY).get("event_id");
        if (eventId == null || !eventId.isString()) {
            return null;
        }
        try {
            return UUID.fromString(eventId.asString());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static Outcome outcome(Map<?, ?> extension) {
        Outcome.Status status = Outcome.Status.fromWireName(text(extension, "outcome", "success"));
        return status == Outcome.Status.SUCCESS ? Outcome.success()
                : Outcome.failure(text(extension, "error_type", null), text(extension, "error_message", null));
    }

    private static String text(Map<?, ?> extension, String key, String fallback) {
        Object value = extension.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw new InvalidEventRequestException("metadata._auditrail." + key + " must be a string");
        }
        return text;
    }

    private Map<String, Object> metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject()) {
            throw new InvalidEventRequestException("metadata must be a JSON object");
        }
        // Straight from the body's tree: printing the object and parsing the text again gave the same values.
        return codec.metadataFromJson(metadata);
    }

    private static Instant timestamp(JsonNode timestamp, Instant now) {
        if (timestamp == null || timestamp.isNull()) {
            return now;
        }
        if (!timestamp.isString()) {
            throw new InvalidEventRequestException("timestamp must be an ISO 8601 string such as 2026-11-23T10:15:30Z");
        }
        try {
            return OffsetDateTime.parse(timestamp.asString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventRequestException("timestamp must be an ISO 8601 date-time such as "
                    + "2026-11-23T10:15:30Z but was '" + timestamp.asString() + "'");
        }
    }

    private static String required(JsonNode parent, String field, String path, List<String> missing) {
        String value = optional(parent, field, path);
        if (value == null || value.isBlank()) {
            missing.add(path);
            return null;
        }
        return value;
    }

    /** Ids are strings on the wire; numbers are accepted too, as clients often send numeric user ids. */
    private static String optional(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        throw new InvalidEventRequestException(path + " must be a string");
    }
}
