package io.auditrail.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503} with {@code Retry-After} to every request that arrives once the server has
 * begun to stop. Requests already past it finish during the graceful shutdown; later ones,
 * which would meet a closing database, are told to come back, which the HTTP sink and the
 * outbox relay do, instead of getting a {@code 500}.
 */
final class ShutdownGate extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent>, Ordered {

    private final JsonErrors errors;
    private volatile boolean closing;

    ShutdownGate(JsonErrors errors) {
        this.errors = errors;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    /** Closes before any other listener starts taking the server apart. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (closing) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            errors.writeRetryLater(response, "Server is shutting down; retry later");
            return;
        }
        chain.doFilter(request, response);
    }
}
