package io.auditrail.spring.web.read;

import io.auditrail.core.internal.query.QueryString;
import io.auditrail.core.internal.query.ReadParameters;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.InvalidAuditQueryException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A read endpoint's parameters under the starter's contract, on top of core's
 * {@link ReadParameters}: read from the raw query string (so a bad escape is refused with the
 * parameter's name), {@code organization_id} refused because the organisation is never taken
 * from the request, and every name the endpoint does not know refused. A member's query is
 * pinned to their own actor id.
 */
final class AuditQueryParameters {

    /** What {@code GET /events} takes. */
    static final Set<String> LIST = with(ReadParameters.FILTERS, "cursor", "total");
    /** What {@code GET /events/export} takes. */
    static final Set<String> EXPORT = with(ReadParameters.FILTERS, "cursor", "format");
    /** What {@code GET /chain/verify} takes. */
    static final Set<String> VERIFY = Set.of("from", "to");
    /** What an endpoint without parameters takes. */
    static final Set<String> NONE = Set.of();

    private final ReadParameters parameters;

    private AuditQueryParameters(ReadParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Reads a request's parameters.
     *
     * @param request the request
     * @param accepted the names the endpoint understands
     * @return the parameters, checked for unknown, repeated and badly encoded names
     * @throws InvalidAuditQueryException naming the first bad parameter
     */
    static AuditQueryParameters of(HttpServletRequest request, Set<String> accepted) {
        ReadParameters parameters = ReadParameters.of(QueryString.decode(request.getQueryString()));
        if (parameters.contains("organization_id")) {
            throw new InvalidAuditQueryException(
                    "organization_id cannot be chosen: reads are always confined to your own organisation");
        }
        return new AuditQueryParameters(parameters.acceptOnly(accepted));
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
        String actorId = parameters.text("actor_id");
        if (!scope.admin()) {
            if (actorId != null && !actorId.equals(scope.actorId())) {
                throw new AuditReadException(HttpStatus.FORBIDDEN,
                        "actor_id: members may only read their own events");
            }
            actorId = scope.actorId();
        }
        return parameters.filters()
                .organizationId(scope.organizationId())
                .actorId(actorId)
                .cursor(parameters.text("cursor"))
                .build();
    }

    /**
     * A single-valued parameter other than the filters.
     *
     * @param name parameter name
     * @return its value, or {@code null} when absent or blank
     */
    String text(String name) {
        return parameters.text(name);
    }

    /**
     * A {@code true}/{@code false} parameter other than the filters.
     *
     * @param name parameter name
     * @param absent the value when the parameter is absent or blank
     * @return its value
     */
    boolean flag(String name, boolean absent) {
        return parameters.flag(name, absent);
    }

    /**
     * A whole-number parameter within a range.
     *
     * @param name parameter name
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return its value, or {@code null} when absent or blank
     */
    Long number(String name, long min, long max) {
        return parameters.number(name, min, max);
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> names = new HashSet<>(base);
        names.addAll(Set.of(more));
        return Set.copyOf(names);
    }
}
