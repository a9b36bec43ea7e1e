package io.auditrail.spring.web.read;

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
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Turns request parameters into an {@link AuditQuery} confined to a caller's scope. The
 * organisation is never taken from the request; a member's query is pinned to their own
 * actor id. Every malformed, repeated or unknown parameter is refused with its name, so a typo
 * such as {@code acton=} is an error rather than a silently unfiltered result.
 */
final class AuditQueryParameters {

    private static final Set<String> FILTERS = Set.of("actor_id", "actor_name", "action", "resource_type",
            "resource_id", "outcome", "search", "start_date", "end_date", "from", "to", "limit", "offset", "cursor");

    private final Map<String, String[]> parameters;

    private AuditQueryParameters(Map<String, String[]> parameters) {
        this.parameters = parameters;
    }

    /**
     * Reads the filters of a list or export request.
     *
     * @param parameters the request's parameters
     * @param extra names the endpoint accepts besides the filters, such as {@code format}
     * @return the parameters, checked for unknown and repeated names
     */
    static AuditQueryParameters of(Map<String, String[]> parameters, Set<String> extra) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if ("organization_id".equals(name)) {
                throw new InvalidAuditQueryException(
                        "organization_id cannot be chosen: reads are always confined to your own organisation");
            }
            if (!FILTERS.contains(name) && !extra.contains(name)) {
                throw new InvalidAuditQueryException("unknown parameter '" + name + "'");
            }
            if (entry.getValue().length > 1) {
                throw new InvalidAuditQueryException(name + " must be given at most once");
            }
        }
        return new AuditQueryParameters(parameters);
    }

    /**
     * The query for a caller.
     *
     * @param scope what the caller may read
     * @return the validated query
     * @throws InvalidAuditQueryException naming the first bad parameter
     * @throws AuditReadException when a member asks for another actor's events
     */
    AuditQuery toQuery(AuditReadScope scope) {
        String actorId = text("actor_id");
        if (!scope.admin()) {
            if (actorId != null && !actorId.equals(scope.actorId())) {
                throw new AuditReadException(HttpStatus.FORBIDDEN,
                        "actor_id: members may only read their own events");
            }
            actorId = scope.actorId();
        }
        AuditQuery.Builder builder = AuditQuery.builder()
                .organizationId(scope.organizationId())
                .actorId(actorId)
                .actorName(text("actor_name"))
                .action(text("action"))
                .resourceType(text("resource_type"))
                .resourceId(text("resource_id"))
                .outcome(outcome())
                .search(text("search"))
                .start(instant("start_date", "from", false))
                .end(instant("end_date", "to", true))
                .cursor(text("cursor"));
        Integer limit = integer("limit");
        if (limit != null) {
            builder.limit(limit);
        }
        Integer offset = integer("offset");
        if (offset != null) {
            builder.offset(offset);
        }
        return builder.build();
    }

    /**
     * A single-valued parameter other than the filters.
     *
     * @param name parameter name
     * @return its value, or {@code null} when absent or blank
     */
    String text(String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        return values[0].trim();
    }

    /**
     * A {@code true}/{@code false} parameter other than the filters.
     *
     * @param name parameter name
     * @param absent the value when the parameter is absent or blank
     * @return its value
     * @throws InvalidAuditQueryException when it is neither true nor false
     */
    boolean flag(String name, boolean absent) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidAuditQueryException(name + " must be true or false but was '" + value + "'");
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

    private Integer integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidAuditQueryException(name + " must be a whole number but was '" + value + "'");
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
                        + " must be an ISO-8601 instant (2026-11-23T10:15:30Z) or date (2026-11-23) but was '"
                        + value + "'");
            }
        }
    }
}
