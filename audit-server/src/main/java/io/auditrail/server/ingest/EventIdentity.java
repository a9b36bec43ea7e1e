package io.auditrail.server.ingest;

import io.auditrail.core.event.EventIds;
import io.auditrail.core.event.UnsafeCharacters;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Decides the id a posted event is stored under, which is what makes a retried POST store one
 * event: the {@code Idempotency-Key} header when present (a UUID is used as it is, any other
 * text becomes a name-based UUID of organisation and key, so foreign clients' keys deduplicate
 * too and never collide across organisations), else the event id Auditrail's sink puts in
 * {@code metadata._auditrail.event_id}, else a fresh UUIDv7.
 */
public final class EventIdentity {

    /** Longest accepted {@code Idempotency-Key}. */
    public static final int MAX_KEY_LENGTH = 255;

    private EventIdentity() {
    }

    /**
     * The id to store an event under.
     *
     * @param organizationId the caller's organisation
     * @param idempotencyKey the header's value, or {@code null}
     * @param sentEventId the id in the body's {@code metadata._auditrail.event_id}, or {@code null}
     * @return the id
     * @throws InvalidEventRequestException when the key is blank, too long or holds control characters
     */
    public static UUID resolve(String organizationId, String idempotencyKey, UUID sentEventId) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH
                    || UnsafeCharacters.firstUnsafeIndex(idempotencyKey) >= 0) {
                throw new InvalidEventRequestException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                        + " printable characters");
            }
            UUID canonical = canonicalUuid(idempotencyKey);
            return canonical != null ? canonical
                    : UUID.nameUUIDFromBytes((organizationId + "\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        }
        return sentEventId != null ? sentEventId : EventIds.next();
    }

    /** {@link UUID#fromString} also takes short forms such as {@code 1-1-1-1-1}; only the canonical form is used as is. */
    private static UUID canonicalUuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
