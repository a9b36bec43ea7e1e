package io.auditrail.core.store;

import io.auditrail.core.event.Outcome;
import java.time.Instant;

/**
 * Filters and paging for {@link AuditStore#query(AuditQuery)}, with the semantics of the
 * hosted audit-log API. Every filter is optional; blank text counts as absent. Validated
 * at construction, so a store never sees an impossible query. Build one with
 * {@link #builder()} or derive one with {@link #toBuilder()}: the canonical constructor is public
 * only because records require it, and its fourteen positional arguments are easy to swap.
 *
 * <pre>{@code
 * AuditQuery query = AuditQuery.builder()
 *         .organizationId("acme")
 *         .action("invoice.*")
 *         .start(Instant.parse("2026-11-01T00:00:00Z"))
 *         .limit(50)
 *         .build();
 * }</pre>
 *
 * @param organizationId exact organisation; {@code null} matches every organisation, so a read
 *        endpoint must always set it from the caller's own organisation
 * @param actorId exact actor id
 * @param actorName part of the actor's name, case-insensitive
 * @param action part of the action, case-insensitive; or, ending in {@code .*}, an exact
 *        prefix such as {@code invoice.*} for every action under {@code invoice.}
 * @param resourceType exact resource type
 * @param resourceId exact resource id
 * @param outcome success or failure
 * @param search text found, case-insensitively, in the action, the actor name or the resource type
 * @param start earliest timestamp, inclusive
 * @param end latest timestamp, inclusive
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param offset events to skip before the page; must be 0 when a cursor is given
 * @param cursor keyset position from a previous page's {@link AuditPage#nextCursor()}
 * @param countTotal whether the page reports {@link AuditPage#total()}; counting every match is
 *        most of the cost of a cursor page deep in a large organisation, and a client paging on
 *        already has the total from its first page
 */
public record AuditQuery(
        String organizationId,
        String actorId,
        String actorName,
        String action,
        String resourceType,
        String resourceId,
        Outcome.Status outcome,
        String search,
        Instant start,
        Instant end,
        int limit,
        int offset,
        AuditCursor cursor,
        boolean countTotal) {

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 20;
    /** Largest page size. */
    public static final int MAX_LIMIT = 1000;
    /** Longest text accepted in a filter. */
    public static final int MAX_FILTER_LENGTH = 1024;

    private static final String PREFIX_WILDCARD = ".*";

    /** Normalises blank text to {@code null} and rejects impossible ranges and paging. */
    public AuditQuery {
        organizationId = filter(organizationId, "organization_id");
        actorId = filter(actorId, "actor_id");
        actorName = filter(actorName, "actor_name");
        action = filter(action, "action");
        resourceType = filter(resourceType, "resource_type");
        resourceId = filter(resourceId, "resource_id");
        search = filter(search, "search");
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidAuditQueryException("end_date " + end + " is before start_date " + start);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQueryException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        if (offset < 0) {
            throw new InvalidAuditQueryException("offset must not be negative but was " + offset);
        }
        if (cursor != null && offset != 0) {
            throw new InvalidAuditQueryException("offset and cursor cannot be combined; use one or the other");
        }
    }

    /**
     * Starts a query with no filters, the default limit and no offset.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@link #action()} is the prefix form, such as {@code invoice.*}.
     *
     * @return {@code true} when the action ends in {@code .*}
     */
    public boolean isActionPrefix() {
        return action != null && action.endsWith(PREFIX_WILDCARD) && action.length() > PREFIX_WILDCARD.length();
    }

    /**
     * The prefix of a prefix-form action, including its trailing dot.
     *
     * @return for {@code invoice.*}, {@code "invoice."}
     * @throws IllegalStateException when the action is not in prefix form
     */
    public String actionPrefix() {
        if (!isActionPrefix()) {
            throw new IllegalStateException("action '" + action + "' is not a prefix such as invoice.*");
        }
        return action.substring(0, action.length() - 1);
    }

    /**
     * The same filters for the page that follows {@code page}.
     *
     * @param next the cursor of the previous page
     * @return a copy of this query positioned at the cursor, offset 0
     */
    public AuditQuery after(AuditCursor next) {
        return toBuilder().offset(0).cursor(next).build();
    }

    /**
     * The same query for a page that does not count its total.
     *
     * @return a copy with {@link #countTotal()} false
     */
    public AuditQuery withoutTotal() {
        return toBuilder().countTotal(false).build();
    }

    /**
     * A builder holding this query's filters and paging, to derive a changed copy.
     *
     * @return a builder that builds an equal query until changed
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.organizationId = organizationId;
        builder.actorId = actorId;
        builder.actorName = actorName;
        builder.action = action;
        builder.resourceType = resourceType;
        builder.resourceId = resourceId;
        builder.outcome = outcome;
        builder.search = search;
        builder.start = start;
        builder.end = end;
        builder.limit = limit;
        builder.offset = offset;
        builder.cursor = cursor;
        builder.countTotal = countTotal;
        return builder;
    }

    private static String filter(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw new InvalidAuditQueryException(
                    name + " must be at most " + MAX_FILTER_LENGTH + " characters but was " + value.length());
        }
        return value;
    }

    /** Fluent builder for {@link AuditQuery}; not thread-safe. */
    public static final class Builder {

        private String organizationId;
        private String actorId;
        private String actorName;
        private String action;
        private String resourceType;
        private String resourceId;
        private Outcome.Status outcome;
        private String search;
        private Instant start;
        private Instant end;
        private int limit = DEFAULT_LIMIT;
        private int offset;
        private AuditCursor cursor;
        private boolean countTotal = true;

        private Builder() {
        }

        /**
         * Restricts to one organisation. A query that never calls this reads every
         * organisation, for administrative jobs; passing {@code null} or a blank id is refused,
         * so a caller whose organisation could not be resolved never reads everyone's events.
         *
         * @param organizationId the organisation
         * @return this builder
         * @throws InvalidAuditQueryException when the id is null or blank
         */
        public Builder organizationId(String organizationId) {
            if (organizationId == null || organizationId.isBlank()) {
                throw new InvalidAuditQueryException("organization_id must not be empty; leave it out only to read "
                        + "every organisation on purpose");
            }
            this.organizationId = organizationId;
            return this;
        }

        /**
         * Restricts to one actor id, exactly.
         *
         * @param actorId the actor id
         * @return this builder
         */
        public Builder actorId(String actorId) {
            this.actorId = actorId;
            return this;
        }

        /**
         * Restricts to actors whose name contains the text, case-insensitive.
         *
         * @param actorName part of a name
         * @return this builder
         */
        public Builder actorName(String actorName) {
            this.actorName = actorName;
            return this;
        }

        /**
         * Restricts to actions containing the text, or to a prefix such as {@code invoice.*}.
         *
         * @param action part of an action, or a prefix ending in {@code .*}
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * Restricts to one resource type, exactly.
         *
         * @param resourceType the resource type
         * @return this builder
         */
        public Builder resourceType(String resourceType) {
            this.resourceType = resourceType;
            return this;
        }

        /**
         * Restricts to one resource id, exactly.
         *
         * @param resourceId the resource id
         * @return this builder
         */
        public Builder resourceId(String resourceId) {
            this.resourceId = resourceId;
            return this;
        }

        /**
         * Restricts to one outcome.
         *
         * @param outcome success or failure
         * @return this builder
         */
        public Builder outcome(Outcome.Status outcome) {
            this.outcome = outcome;
            return this;
        }

        /**
         * Restricts to events whose action, actor name or resource type contains the text.
         *
         * @param search free text, case-insensitive
         * @return this builder
         */
        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /**
         * Restricts to events at or after an instant.
         *
         * @param start inclusive lower bound
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        /**
         * Restricts to events at or before an instant.
         *
         * @param end inclusive upper bound
         * @return this builder
         */
        public Builder end(Instant end) {
            this.end = end;
            return this;
        }

        /**
         * Sets the page size; {@value AuditQuery#DEFAULT_LIMIT} by default.
         *
         * @param limit 1 to {@value AuditQuery#MAX_LIMIT}
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Skips events before the page; 0 by default.
         *
         * @param offset events to skip
         * @return this builder
         */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /**
         * Continues after a previous page.
         *
         * @param cursor a previous page's next cursor, or {@code null}
         * @return this builder
         */
        public Builder cursor(AuditCursor cursor) {
            this.cursor = cursor;
            return this;
        }

        /**
         * Continues after a previous page, given the token a caller sent back.
         *
         * @param token an encoded cursor, or {@code null} or blank for the first page
         * @return this builder
         * @throws InvalidAuditQueryException when the token is not a valid cursor
         */
        public Builder cursor(String token) {
            this.cursor = token == null || token.isBlank() ? null : AuditCursor.decode(token);
            return this;
        }

        /**
         * Sets whether the page reports its total; {@code true} by default.
         *
         * @param countTotal {@code false} to skip counting every match
         * @return this builder
         */
        public Builder countTotal(boolean countTotal) {
            this.countTotal = countTotal;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the validated query
         * @throws InvalidAuditQueryException when a filter or the paging is invalid
         */
        public AuditQuery build() {
            return new AuditQuery(organizationId, actorId, actorName, action, resourceType, resourceId, outcome, search,
                    start, end, limit, offset, cursor, countTotal);
        }
    }
}
