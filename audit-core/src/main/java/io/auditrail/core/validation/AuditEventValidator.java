package io.auditrail.core.validation;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.event.UnsafeCharacters;
import io.auditrail.core.json.AuditEventCodec;
import java.util.List;
import java.util.Map;

/**
 * Applies the event rules at a boundary (capture, ingest). Identifiers (action, ids,
 * types, metadata keys) are rejected when they are too long or hold unsafe characters,
 * because a silently changed id would point at the wrong thing; identifiers chosen outside
 * the application are made safe beforehand with {@link ExternalIds}. Display text (names,
 * email, user agent, error type and message) is escaped and cut instead, so a hostile
 * name cannot stop an event from being recorded.
 */
public final class AuditEventValidator {

    private static final String CUT_MARKER = "…";

    private final AuditLimits limits;
    private final AuditEventCodec codec;

    /**
     * Creates a validator.
     *
     * @param limits the bounds to apply
     * @param codec the codec that measures serialised metadata
     */
    public AuditEventValidator(AuditLimits limits, AuditEventCodec codec) {
        this.limits = limits;
        this.codec = codec;
    }

    /**
     * Checks an action before any event exists, for example when an annotation is read.
     *
     * @param action the action
     * @throws InvalidAuditEventException when it is blank, too long or not in dot notation
     */
    public void checkAction(String action) {
        if (action == null || action.isBlank()) {
            throw new InvalidAuditEventException("action is required and must not be blank");
        }
        identifier("action", action);
        if (!isDotNotation(action)) {
            throw new InvalidAuditEventException("action must be in dot notation such as 'invoice.deleted' "
                    + "(letters, digits, '_' or '-' in at least two dot-separated parts) but was '" + action + "'");
        }
    }

    /**
     * Matches {@code [A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+} without a regex: every event passes
     * here, and the regex's matcher was a measured per-call allocation on the caller's thread.
     */
    private static boolean isDotNotation(String action) {
        int parts = 0;
        int partLength = 0;
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c == '.') {
                if (partLength == 0) {
                    return false;
                }
                parts++;
                partLength = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-') {
                partLength++;
            } else {
                return false;
            }
        }
        return partLength > 0 && parts >= 1;
    }

    /**
     * Validates an event and returns it with display text made safe.
     *
     * @param event an event built from untrusted values
     * @return the event, or a copy with escaped or cut display text
     * @throws InvalidAuditEventException naming the first field that breaks a rule
     */
    public AuditEvent validate(AuditEvent event) {
        checkAction(event.action());
        Actor actor = event.actor();
        identifier("actor.id", actor.id());
        Resource resource = event.resource();
        identifier("resource.type", resource.type());
        identifier("resource.id", resource.id());
        if (event.organizationId() != null) {
            identifier("organization_id", event.organizationId());
        }
        RequestContext context = event.context();
        if (context.requestId() != null) {
            identifier("context.request_id", context.requestId());
        }
        checkMetadata(event.metadata());

        // text() returns its argument when it is already safe, so the common case copies nothing:
        // every event of an audited call passes here on the caller's thread.
        String name = text(actor.name());
        String email = text(actor.email());
        Actor safeActor = name == actor.name() && email == actor.email() ? actor
                : new Actor(actor.id(), name, email, actor.type());
        String resourceName = text(resource.name());
        Resource safeResource = resourceName == resource.name() ? resource
                : new Resource(resource.type(), resource.id(), resourceName);
        String ip = text(context.ip());
        String userAgent = text(context.userAgent());
        RequestContext safeContext = ip == context.ip() && userAgent == context.userAgent() ? context
                : new RequestContext(ip, userAgent, context.requestId());
        Outcome outcome = event.outcome();
        Outcome safeOutcome = checkOutcome(outcome);
        if (safeActor == actor && safeResource == resource && safeContext == context && safeOutcome.equals(outcome)) {
            return event;
        }
        return new AuditEvent(event.id(), event.timestamp(), event.organizationId(), safeActor, event.action(),
                safeResource, safeOutcome, safeContext, event.metadata());
    }

    /**
     * Makes an outcome's display text safe (escaped and cut), for an outcome set after the
     * event was validated, such as the failure that replaces a success whose transaction
     * failed to commit.
     *
     * @param outcome the outcome
     * @return the outcome, or a copy with escaped or cut error type and message
     */
    public Outcome checkOutcome(Outcome outcome) {
        return outcome.isSuccess() ? outcome : Outcome.failure(text(outcome.errorType()), text(outcome.errorMessage()));
    }

    /**
     * Checks one identifier (an id, a type, a metadata key) on its own, for example a value
     * computed at capture before the event is built.
     *
     * @param field the field's name, for the message
     * @param value the identifier
     * @throws InvalidAuditEventException when it is too long or holds unsafe characters
     */
    public void checkIdentifier(String field, String value) {
        identifier(field, value);
    }

    private void identifier(String field, String value) {
        if (value.length() > limits.maxIdentifierLength()) {
            throw new InvalidAuditEventException(field + " is " + value.length() + " characters long, over the limit of "
                    + limits.maxIdentifierLength());
        }
        int unsafe = UnsafeCharacters.firstUnsafeIndex(value);
        if (unsafe >= 0) {
            throw new InvalidAuditEventException(String.format(
                    "%s contains control character U+%04X at index %d (CR, LF, NUL, ESC and bidi controls are not allowed)",
                    field, (int) value.charAt(unsafe), unsafe));
        }
    }

    private String text(String value) {
        if (value == null) {
            return null;
        }
        String safe = UnsafeCharacters.escape(value);
        if (safe.length() > limits.maxTextLength()) {
            int end = limits.maxTextLength() - CUT_MARKER.length();
            if (Character.isHighSurrogate(safe.charAt(end - 1))) {
                end--;
            }
            safe = safe.substring(0, end) + CUT_MARKER;
        }
        return safe;
    }

    private void checkMetadata(Map<String, Object> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        checkKeysAndDepth(metadata, "metadata", 1);
        int size = codec.metadataSize(metadata);
        if (size > limits.maxMetadataBytes()) {
            throw new InvalidAuditEventException("metadata is " + size + " bytes serialised, over the limit of "
                    + limits.maxMetadataBytes());
        }
    }

    private void checkKeysAndDepth(Object value, String path, int depth) {
        if (value instanceof Map<?, ?> map) {
            checkDepth(path, depth);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                if (key.isBlank()) {
                    throw new InvalidAuditEventException(path + " has a blank key");
                }
                identifier(path + " key '" + UnsafeCharacters.escape(key) + "'", key);
                checkKeysAndDepth(entry.getValue(), path + "." + key, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            checkDepth(path, depth);
            for (int i = 0; i < list.size(); i++) {
                checkKeysAndDepth(list.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    private void checkDepth(String path, int depth) {
        if (depth > limits.maxMetadataDepth()) {
            throw new InvalidAuditEventException(path + " is nested deeper than the limit of "
                    + limits.maxMetadataDepth() + " levels");
        }
    }
}
