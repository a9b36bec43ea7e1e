package io.auditrail.micronaut.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.AuthorizationException;

/**
 * Sees every response on its way out, outside Micronaut Security's filter, and records the
 * requests that filter refused (an {@link AuthorizationException}), once each.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = SecurityEventAuditor.class)
final class AccessDeniedRecorder implements Ordered {

    private final SecurityEventAuditor auditor;

    AccessDeniedRecorder(SecurityEventAuditor auditor) {
        this.auditor = auditor;
    }

    @ResponseFilter
    void recordDenial(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getAttribute(HttpAttributes.EXCEPTION, Throwable.class)
                .filter(AuthorizationException.class::isInstance).map(AuthorizationException.class::cast)
                .ifPresent(denied -> auditor.recordDenial(denied.isForbidden() ? denied.getAuthentication() : null,
                        request.getMethodName() + " " + request.getPath()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
