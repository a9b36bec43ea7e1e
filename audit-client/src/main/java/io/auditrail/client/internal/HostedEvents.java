package io.auditrail.client.internal;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the hosted API's flat event object back into an {@link AuditEvent}. The fields the API
 * has no place for travel in {@code metadata._auditrail} (see the HTTP sink); they are moved back
 * to their own fields and removed from the metadata, so an event reads back as it was logged.
 * An event logged by another client, without that object, reads as a successful user action.
 */
public final class HostedEvents {

    private final AuditEventCodec codec;
    private final JsonMapper mapper;

    /**
     * Creates the mapping.
     *
     * @param codec reads the event's own JSON form, with its validation
     * @param mapper reads and writes JSON trees
     */
    public HostedEvents(AuditEventCodec codec, JsonMapper mapper) {
        this.codec = codec;
        this.mapper = mapper;
    }

    /**
     * Reads one event object of the hosted API.
     *
     * @param hosted the flat object
     * @return the event
     * @throws io.auditrail.core.event.InvalidAuditEventException when the object is not a valid event
     */
    public AuditEvent toEvent(JsonNode hosted) {
        ObjectNode metadata = hosted.path("metadata").isObject()
                ? ((ObjectNode) hosted.get("metadata")).deepCopy() : mapper.createObjectNode();
        JsonNode extension = metadata.remove(AuditEventCodec.HOSTED_API_EXTENSION_KEY);
        JsonNode extra = extension != null && extension.isObject() ? extension : mapper.createObjectNode();
        ObjectNode event = mapper.createObjectNode();
        event.set("id", hosted.get("id"));
        event.set("timestamp", hosted.get("timestamp"));
        event.set("organization_id", hosted.get("organization_id"));
        ObjectNode actor = event.putObject("actor");
        actor.set("id", hosted.get("actor_id"));
        actor.set("name", hosted.get("actor_name"));
        actor.set("email", hosted.get("actor_email"));
        actor.set("type", extra.get("actor_type"));
        event.set("action", hosted.get("action"));
        ObjectNode resource = event.putObject("resource");
        resource.set("type", hosted.get("resource_type"));
        resource.set("id", hosted.get("resource_id"));
        resource.set("name", hosted.get("resource_name"));
        event.set("outcome", extra.get("outcome"));
        ObjectNode error = event.putObject("error");
        error.set("type", extra.get("error_type"));
        error.set("message", extra.get("error_message"));
        ObjectNode context = event.putObject("context");
        context.set("ip", extra.get("ip"));
        context.set("user_agent", extra.get("user_agent"));
        context.set("request_id", extra.get("request_id"));
        event.set("metadata", metadata);
        return codec.fromJson(mapper.writeValueAsString(event));
    }
}
