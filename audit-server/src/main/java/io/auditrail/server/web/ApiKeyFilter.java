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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /v1/} and {@code /ext/streams} request by its bearer key, looked up by hash on each
 * request, and puts the {@link Caller} in the request for the controllers.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER = "io.auditrail.server.caller";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final TenantDirectory directory;
    private final JsonErrors errors;

    ApiKeyFilter(TenantDirectory directory, JsonErrors errors) {
        this.directory = directory;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/v1/") && !path.equals(StreamsController.PATH) && !path.startsWith(StreamsController.PATH + "/");
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
        Optional<Caller> caller;
        try {
            caller = key.startsWith(ApiKeySecrets.KEY_PREFIX) ? directory.authenticate(key) : Optional.empty();
        } catch (DataAccessException | TransactionException e) {
            // The key may well be valid: a 401 would make clients give up, a 503 makes them retry.
            log.warn("API key lookup failed, answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            errors.writeRetryLater(response, JsonErrors.STORAGE_UNAVAILABLE);
            return;
        }
        if (caller.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid API key");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }
}
