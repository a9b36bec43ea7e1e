package io.auditrail.server.web;

import io.auditrail.core.internal.query.QueryString;
import io.auditrail.core.internal.query.ReadParameters;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.server.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/**
 * The hosted API's query parameters, read by core's {@link ReadParameters} like the starter's
 * read endpoints, with two differences the hosted API's contract imposes: parameters the API
 * does not know are ignored, so clients written for it keep working, and an
 * {@code organization_id} is allowed when it names the caller's own organisation (naming
 * another is refused with 403 rather than answered empty, so a misconfigured client notices).
 */
final class EventQueryParameters {

    private EventQueryParameters() {
    }

    /**
     * Reads a request's parameters.
     *
     * @param request the request
     * @return the parameters
     * @throws ApiException 400 naming a repeated or badly encoded parameter
     */
    static ReadParameters of(HttpServletRequest request) {
        try {
            return ReadParameters.of(QueryString.decode(request.getQueryString()));
        } catch (InvalidAuditQueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * The query for a caller, pinned to the caller's organisation.
     *
     * @param parameters the request's parameters
     * @param caller the authenticated caller
     * @return the query
     * @throws ApiException 403 for another organisation, 400 naming a bad parameter
     */
    static AuditQuery toQuery(ReadParameters parameters, Caller caller) {
        String organizationId = parameters.text("organization_id");
        if (organizationId != null && !organizationId.equals(caller.organizationId())) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "API key cannot access organization_id '" + organizationId + "'");
        }
        try {
            return parameters.filters().organizationId(caller.organizationId()).build();
        } catch (InvalidAuditQueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
