package io.auditrail.jdbc.internal.query;

import io.auditrail.core.store.AuditCursor;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.schema.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds every statement the read side runs, in SQL that PostgreSQL, MySQL/MariaDB and H2
 * all accept. Filters mirror the hosted audit-log API; every value is a bound parameter.
 */
public final class EventQueries {

    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, seq DESC";

    private final TableName table;

    /**
     * Creates the builder for one table.
     *
     * @param table the audit table
     */
    public EventQueries(TableName table) {
        this.table = table;
    }

    /**
     * One page: {@code limit + 1} rows, so the caller learns whether another page follows.
     *
     * @param query filters and paging
     * @return the select
     */
    public BoundSql page(AuditQuery query) {
        Conditions conditions = filters(query);
        AuditCursor cursor = query.cursor();
        if (cursor != null) {
            // The first, redundant bound is what an index range scan can use; the OR alone
            // made PostgreSQL filter every newer row (see the EXPLAIN notes beside the DDL).
            conditions.add("occurred_at <= ?", cursor.timestamp());
            conditions.add("(occurred_at < ? OR (occurred_at = ? AND seq < ?))",
                    cursor.timestamp(), cursor.timestamp(), cursor.sequence());
        }
        List<Object> parameters = new ArrayList<>(conditions.parameters());
        parameters.add(query.limit() + 1);
        parameters.add(query.offset());
        return new BoundSql(select() + conditions.where() + NEWEST_FIRST + " LIMIT ? OFFSET ?", parameters);
    }

    /**
     * The number of events matching the filters, ignoring paging.
     *
     * @param query filters
     * @return the count
     */
    public BoundSql count(AuditQuery query) {
        Conditions conditions = filters(query);
        return new BoundSql("SELECT COUNT(*) FROM " + table.qualified() + conditions.where(), conditions.parameters());
    }

    /**
     * Every event matching the filters, newest first, for streaming.
     *
     * @param query filters; paging is ignored
     * @param columns the comma-separated columns to select, only those the export prints
     * @return the select
     */
    public BoundSql export(AuditQuery query, String columns) {
        Conditions conditions = filters(query);
        return new BoundSql("SELECT " + columns + " FROM " + table.qualified() + conditions.where() + NEWEST_FIRST,
                conditions.parameters());
    }

    /**
     * One event of one organisation.
     *
     * @param organizationId the organisation, or {@code null} for events without one
     * @param id the event id
     * @return the select
     */
    public BoundSql byId(String organizationId, UUID id) {
        Conditions conditions = new Conditions().add("event_id = ?", id);
        organization(conditions, organizationId);
        return new BoundSql(select() + conditions.where(), conditions.parameters());
    }

    /**
     * The number of an organisation's events in a time range.
     *
     * @param organizationId the organisation, or {@code null} for events without one
     * @param from inclusive start
     * @param until exclusive end
     * @return the count
     */
    public BoundSql countBetween(String organizationId, Instant from, Instant until) {
        Conditions conditions = new Conditions();
        organization(conditions, organizationId);
        conditions.add("occurred_at >= ?", from).add("occurred_at < ?", until);
        return new BoundSql("SELECT COUNT(*) FROM " + table.qualified() + conditions.where(), conditions.parameters());
    }

    /**
     * The condition selecting events to purge, for {@code SqlDialect#boundedDeleteSql}.
     *
     * @param cutoff events strictly older are purged
     * @param organizationId only this organisation, or {@code null} for all
     * @param excludedOrganizations organisations to leave alone (they have their own retention)
     * @return the condition and its parameters
     */
    public BoundSql purgeCondition(Instant cutoff, String organizationId, Set<String> excludedOrganizations) {
        Conditions conditions = new Conditions().add("occurred_at < ?", cutoff);
        conditions.addIfPresent("organization_id = ?", organizationId);
        if (!excludedOrganizations.isEmpty()) {
            String placeholders = String.join(", ", excludedOrganizations.stream().map(org -> "?").toList());
            conditions.add("(organization_id IS NULL OR organization_id NOT IN (" + placeholders + "))",
                    excludedOrganizations.toArray());
        }
        return new BoundSql(conditions.condition(), conditions.parameters());
    }

    private String select() {
        return "SELECT " + EventColumns.SELECTED + " FROM " + table.qualified();
    }

    private static void organization(Conditions conditions, String organizationId) {
        if (organizationId == null) {
            conditions.add("organization_id IS NULL");
        } else {
            conditions.add("organization_id = ?", organizationId);
        }
    }

    private static Conditions filters(AuditQuery query) {
        Conditions conditions = new Conditions()
                .addIfPresent("organization_id = ?", query.organizationId())
                .addIfPresent("actor_id = ?", query.actorId())
                .addIfPresent("resource_type = ?", query.resourceType())
                .addIfPresent("resource_id = ?", query.resourceId())
                .addIfPresent("outcome = ?", query.outcome() == null ? null : query.outcome().wireName())
                .addIfPresent("occurred_at >= ?", query.start())
                .addIfPresent("occurred_at <= ?", query.end());
        if (query.actorName() != null) {
            conditions.add("LOWER(actor_name) LIKE LOWER(?)" + LikePatterns.ESCAPE_CLAUSE,
                    LikePatterns.containsIgnoringCase(query.actorName()));
        }
        if (query.isActionPrefix()) {
            conditions.add("action LIKE ?" + LikePatterns.ESCAPE_CLAUSE, LikePatterns.startsWith(query.actionPrefix()));
        } else if (query.action() != null) {
            conditions.add("LOWER(action) LIKE LOWER(?)" + LikePatterns.ESCAPE_CLAUSE,
                    LikePatterns.containsIgnoringCase(query.action()));
        }
        if (query.search() != null) {
            String pattern = LikePatterns.containsIgnoringCase(query.search());
            conditions.add("(LOWER(action) LIKE LOWER(?)" + LikePatterns.ESCAPE_CLAUSE
                    + " OR LOWER(actor_name) LIKE LOWER(?)" + LikePatterns.ESCAPE_CLAUSE
                    + " OR LOWER(resource_type) LIKE LOWER(?)" + LikePatterns.ESCAPE_CLAUSE + ")", pattern, pattern, pattern);
        }
        return conditions;
    }
}
