package io.auditrail.spring.web.read;

import io.auditrail.core.internal.query.AuditReads;
import io.auditrail.core.internal.query.ReadParameters;
import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.InvalidAuditQueryException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A read endpoint's parameters under the contract core's {@link AuditReads} implements: read from the raw query string (so a bad escape is refused with the
 * parameter's name), {@code organization_id} refused because the organisation is never taken
 * from the request, and every name the endpoint does not know refused. A member's query is
 * pinned to their own actor id.
 */
final class AuditQueryParameters {

    /** What {@code GET /events} takes. */
    static final Set<String> LIST = AuditReads.LIST;
    /** What {@code GET /events/export} takes. */
    static final Set<String> EXPORT = AuditReads.EXPORT;
    /** What {@code GET /chain/verify} takes. */
    static final Set<String> VERIFY = AuditReads.VERIFY;
    /** What an endpoint without parameters takes. */
    static final Set<String> NONE = AuditReads.NONE;

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
        return new AuditQueryParameters(AuditReads.parameters(request.getQueryString(), accepted));
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
        try {
            return AuditReads.query(parameters, new ReadScope(scope.organizationId(), scope.actorId(), scope.admin()));
        } catch (ReadRefusedException e) {
            throw new AuditReadException(HttpStatus.valueOf(e.status()), e.getMessage());
        }
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
}
