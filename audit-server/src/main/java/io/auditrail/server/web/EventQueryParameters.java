package io.auditrail.server.web;

import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.server.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;

/**
 * Turns the hosted API's query parameters into an {@link AuditQuery} pinned to the caller's
 * organisation. An {@code organization_id} naming another organisation is refused with 403
 * rather than answered empty, so a misconfigured client notices. Parameters the API does not
 * know are ignored, as the hosted API does, so clients written for it keep working.
 */
final class EventQueryParameters {

    private final HttpServletRequest request;

    private EventQueryParameters(HttpServletRequest request) {
        this.request = request;
    }

    static AuditQuery toQuery(HttpServletRequest request, Caller caller) {
        return new EventQueryParameters(request).build(caller);
    }

    private AuditQuery build(Caller caller) {
        String organizationId = text("organization_id");
        if (organizationId != null && !organizationId.equals(caller.organizationId())) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "API key cannot access organization_id '" + organizationId + "'");
        }
        try {
            AuditQuery.Builder builder = AuditQuery.builder()
                    .organizationId(caller.organizationId())
                    .actorId(text("actor_id"))
                    .actorName(text("actor_name"))
                    .action(text("action"))
                    .resourceType(text("resource_type"))
                    .resourceId(text("resource_id"))
                    .outcome(outcome())
                    .search(text("search"))
                    .start(instant("start_date", "from", false))
                    .end(instant("end_date", "to", true));
            Integer limit = integer("limit");
            if (limit != null) {
                builder.limit(limit);
            }
            Integer offset = integer("offset");
            if (offset != null) {
                builder.offset(offset);
            }
            return builder.build();
        } catch (InvalidAuditQueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private String text(String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be given at most once");
        }
        return values[0].isBlank() ? null : values[0].trim();
    }

    private Outcome.Status outcome() {
        String value = text("outcome");
        if (value == null) {
            return null;
        }
        try {
            return Outcome.Status.fromWireName(value);
        } catch (InvalidAuditEventException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "outcome must be success or failure but was '" + value + "'");
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
            throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be a whole number but was '" + value + "'");
        }
    }

    /** A bare date means the whole UTC day: from its first microsecond, or up to its last. */
    private Instant instant(String name, String alias, boolean endOfDay) {
        String value = text(name);
        String used = name;
        String other = text(alias);
        if (value != null && other != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, name + " and " + alias + " mean the same; give only one");
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
                throw new ApiException(HttpStatus.BAD_REQUEST, used
                        + " must be an ISO 8601 date-time (2026-11-23T10:15:30Z) or date (2026-11-23) but was '"
                        + value + "'");
            }
        }
    }
}
