package io.auditrail.micronaut.web;

import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;

/**
 * Who is calling a read endpoint, for every controller in one place: 401 without a login, 403
 * without an organisation; and the uncached JSON every read endpoint answers with.
 */
final class ReadCallers {

    private ReadCallers() {
    }

    static ReadScope scope(SecurityService security, AuditReadScopeResolver scopes) {
        Authentication authentication = security.getAuthentication()
                .orElseThrow(() -> new ReadRefusedException(401, "authentication required"));
        AuditReadScope scope = scopes.resolve(authentication).orElseThrow(() -> new ReadRefusedException(403,
                "you belong to no organisation, so there is no audit trail you may read"));
        return new ReadScope(scope.organizationId(), scope.actorId(), scope.admin());
    }

    static MutableHttpResponse<String> json(HttpStatus status, String body) {
        return HttpResponse.<String>status(status).body(body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
