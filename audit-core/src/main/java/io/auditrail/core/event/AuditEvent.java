package io.auditrail.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audited action: who did what, to which resource, when, from where, and whether it
 * worked. Immutable; the same fields travel as JSON, SQL rows and on the wire.
 *
 * <pre>{@code
 * AuditEvent event = AuditEvent.builder()
 *         .actor(Actor.user("alice", "Alice", "alice@example.com"))
 *         .action("invoice.deleted")
 *         .resource(Resource.of("invoice", "inv-42"))
 *         .organizationId("acme")
 *         .metadata("reason", "duplicate")
 *         .build();
 * }</pre>
 *
 * @param id UUIDv7 made at capture time; the idempotency key for every retry
 * @param timestamp when the action happened, UTC, truncated to microseconds
 * @param organizationId tenant the event belongs to, or {@code null}
 * @param actor who performed the action
 * @param action dot-notation action, for example {@code "invoice.deleted"}
 * @param resource what the action was done to
 * @param outcome success, or failure with the exception class
 * @param context request context; {@link RequestContext#NONE} outside a request
 * @param metadata string-keyed JSON object: values are {@code null}, {@code String},
 *        {@code Boolean}, {@code Long}, {@code BigInteger}, {@code BigDecimal},
 *        {@code List} or {@code Map} of those; unmodifiable, in insertion order
 */
public record AuditEvent(
        UUID id,
        Instant timestamp,
        @Nullable String organizationId,
        Actor actor,
        String action,
        Resource resource,
        Outcome outcome,
        RequestContext context,
        Map<String, @Nullable Object> metadata) {

    /** Checks required fields and makes the event deeply immutable. */
    public AuditEvent {
        Required.present(id, "id");
        timestamp = Required.present(timestamp, "timestamp").truncatedTo(ChronoUnit.MICROS);
        organizationId = Required.optionalText(organizationId);
        Required.present(actor, "actor");
        Required.text(action, "action");
        Required.present(resource, "resource");
        Required.present(outcome, "outcome");
        context = context == null ? RequestContext.NONE : context;
        metadata = JsonValues.copyOf(metadata == null ? Map.of() : metadata);
    }

    /**
     * Starts a new event. Unless set, the id is a fresh UUIDv7 and the timestamp is now.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this event's values, to derive a changed copy.
     *
     * @return a builder with every field of this event
     */
    public Builder toBuilder() {
        Builder builder = new Builder().id(id).timestamp(timestamp).organizationId(organizationId).actor(actor)
                .action(action).resource(resource).outcome(outcome).context(context);
        builder.metadata.putAll(metadata);
        return builder;
    }

    /** Fluent builder for {@link AuditEvent}; not thread-safe. */
    public static final class Builder {

        private UUID id;
        private Instant timestamp;
        private String organizationId;
        private Actor actor;
        private String action;
        private Resource resource;
        private Outcome outcome = Outcome.success();
        private RequestContext context = RequestContext.NONE;
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the id; by default a fresh UUIDv7.
         *
         * @param id the event id
         * @return this builder
         */
        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the timestamp; by default the time of {@link #build()}.
         *
         * @param timestamp when the action happened
         * @return this builder
         */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Sets the organisation.
         *
         * @param organizationId tenant id, or {@code null}
         * @return this builder
         */
        public Builder organizationId(@Nullable String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /**
         * Sets the actor.
         *
         * @param actor who performed the action
         * @return this builder
         */
        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        /**
         * Sets the action.
         *
         * @param action dot-notation action
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * Sets the resource.
         *
         * @param resource what the action was done to
         * @return this builder
         */
        public Builder resource(Resource resource) {
            this.resource = resource;
            return this;
        }

        /**
         * Sets the outcome; success by default.
         *
         * @param outcome the outcome
         * @return this builder
         */
        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /**
         * Sets the request context.
         *
         * @param context where the action came from, or {@code null}
         * @return this builder
         */
        public Builder context(@Nullable RequestContext context) {
            this.context = context;
            return this;
        }

        /**
         * Adds one metadata entry.
         *
         * @param key metadata key
         * @param value a JSON value (see {@link AuditEvent#metadata()})
         * @return this builder
         */
        public Builder metadata(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        /**
         * Adds metadata entries.
         *
         * @param entries JSON values by key
         * @return this builder
         */
        public Builder metadata(Map<String, ?> entries) {
            metadata.putAll(entries);
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the immutable event
         * @throws InvalidAuditEventException when a required field is missing or metadata
         *         holds a value that is not JSON
         */
        public AuditEvent build() {
            return new AuditEvent(id == null ? EventIds.next() : id, timestamp == null ? Instant.now() : timestamp,
                    organizationId, actor, action, resource, outcome, context, metadata);
        }
    }
}
