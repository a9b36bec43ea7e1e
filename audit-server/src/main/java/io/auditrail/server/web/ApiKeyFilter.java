package io.auditrail.server.web;

import io.auditrail.server.tenant.ApiKeySecrets;
import io.auditrail.server.tenant.Caller;
import io.auditrail.server.tenant.TenantDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /v1/} request by its bearer key, looked up by hash on each
 * request, and puts the {@link Caller} in the request for the controllers.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER = "io.auditrail.server.caller";

    private final TenantDirectory directory;
    private final JsonErrors errors;

    ApiKeyFilter(TenantDirectory directory, JsonErrors errors) {
        this.directory = directory;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = BearerTokens.of(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Missing or invalid authorization header");
            return;
        }
        String key = token.get();
        Optional<Caller> caller = key.startsWith(ApiKeySecrets.KEY_PREFIX) ? directory.authenticate(key) : Optional.empty();
        if (caller.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid API key");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }
}
