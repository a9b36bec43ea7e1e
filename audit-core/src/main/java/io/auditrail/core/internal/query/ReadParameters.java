package io.auditrail.core.internal.query;

import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.InvalidAuditQueryException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A read request's parameters, read into typed values by one set of rules: a name given twice
 * is refused, a blank value counts as absent, numbers are checked against their range and
 * dates accept an instant or a bare UTC day. Every refusal is an
 * {@link InvalidAuditQueryException} whose message names the parameter and the rule.
 *
 * <pre>{@code
 * ReadParameters parameters = ReadParameters.of(QueryString.decode(rawQuery))
 *         .acceptOnly(ReadParameters.FILTERS);
 * AuditQuery query = parameters.filters().organizationId(tenant).build();
 * }</pre>
 */
public final class ReadParameters {

    /** The filter and paging parameters every event list and export understands. */
    public static final Set<String> FILTERS = Set.of("actor_id", "actor_name", "action", "resource_type",
            "resource_id", "outcome", "search", "start_date", "end_date", "from", "to", "limit", "offset");

    private final Map<String, List<String>> values;

    private ReadParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Wraps decoded parameters, refusing any name given more than once.
     *
     * @param values each name with its values, as {@link QueryString#decode(String)} returns them
     * @return the parameters
     * @throws InvalidAuditQueryException naming a repeated parameter
     */
    public static ReadParameters of(Map<String, List<String>> values) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new InvalidAuditQueryException(entry.getKey() + " must be given at most once");
            }
        }
        return new ReadParameters(Map.copyOf(values));
    }

    /**
     * Refuses every parameter outside the given names, so that a typo such as {@code acton=}
     * is an error rather than a silently unfiltered answer.
     *
     * @param accepted the names this endpoint understands
     * @return this
     * @throws InvalidAuditQueryException naming the first unknown parameter and listing the accepted ones
     */
    public ReadParameters acceptOnly(Set<String> accepted) {
        for (String name : new TreeSet<>(values.keySet())) {
            if (!accepted.contains(name)) {
                throw new InvalidAuditQueryException("unknown parameter '" + name + "'; "
                        + (accepted.isEmpty() ? "this endpoint takes no parameters"
                                : "accepted: " + String.join(", ", new TreeSet<>(accepted))));
            }
        }
        return this;
    }

    /**
     * Whether a parameter was given, even blank.
     *
     * @param name parameter name
     * @return {@code true} when present
     */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * A text parameter.
     *
     * @param name parameter name
     * @return its value trimmed, or {@code null} when absent or blank
     */
    public String text(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty() || given.get(0).isBlank()) {
            return null;
        }
        return given.get(0).trim();
    }

    /**
     * A {@code true}/{@code false} parameter.
     *
     * @param name parameter name
     * @param absent the value when absent or blank
     * @return its value
     * @throws InvalidAuditQueryException when it is neither true nor false
     */
    public boolean flag(String name, boolean absent) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidAuditQueryException(name + " must be true or false but was '" + value + "'");
    }

    /**
     * A whole-number parameter within a range.
     *
     * @param name parameter name
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return its value, or {@code null} when absent or blank
     * @throws InvalidAuditQueryException when it is not a whole number from {@code min} to {@code max}
     */
    public Long number(String name, long min, long max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw outOfRange(name, min, max, value);
        }
        if (parsed < min || parsed > max) {
            throw outOfRange(name, min, max, value);
        }
        return parsed;
    }

    /**
     * The filters and paging of {@link #FILTERS} on a query builder, still without an
     * organisation; the caller pins that.
     *
     * @return a builder with every given filter set
     * @throws InvalidAuditQueryException naming the first bad parameter
     */
    public AuditQuery.Builder filters() {
        AuditQuery.Builder builder = AuditQuery.builder()
                .actorId(text("actor_id"))
                .actorName(text("actor_name"))
                .action(text("action"))
                .resourceType(text("resource_type"))
                .resourceId(text("resource_id"))
                .outcome(outcome())
                .search(text("search"))
                .start(instant("start_date", "from", false))
                .end(instant("end_date", "to", true));
        Long limit = number("limit", 1, AuditQuery.MAX_LIMIT);
        if (limit != null) {
            builder.limit(limit.intValue());
        }
        Long offset = number("offset", 0, Integer.MAX_VALUE);
        if (offset != null) {
            builder.offset(offset.intValue());
        }
        return builder;
    }

    private Outcome.Status outcome() {
        String value = text("outcome");
        if (value == null) {
            return null;
        }
        try {
            return Outcome.Status.fromWireName(value);
        } catch (InvalidAuditEventException e) {
            throw new InvalidAuditQueryException("outcome must be success or failure but was '" + value + "'");
        }
    }

    /** A bare date means the whole UTC day: from its first microsecond, or up to its last. */
    private Instant instant(String name, String alias, boolean endOfDay) {
        String value = text(name);
        String used = name;
        String other = text(alias);
        if (value != null && other != null) {
            throw new InvalidAuditQueryException(name + " and " + alias + " mean the same; give only one");
        }
        if (value == null) {
            value = other;
            used = alias;
        }
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                Instant day = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? day.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : day;
            } catch (DateTimeParseException notDate) {
                throw new InvalidAuditQueryException(used
                        + " must be an ISO 8601 date-time (2026-11-23T10:15:30Z) or date (2026-11-23) but was '"
                        + value + "'");
            }
        }
    }

    private static InvalidAuditQueryException outOfRange(String name, long min, long max, String value) {
        return new InvalidAuditQueryException(name + " must be a whole number from " + min + " to " + max
                + " but was '" + value + "'");
    }
}
