package io.auditrail.spring.web;

import io.auditrail.core.event.IpAddresses;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.UnsafeCharacters;
import io.auditrail.core.spi.RequestContextProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads client IP, user agent and request id from the servlet request bound to the
 * current thread. Forwarded headers are trusted only when configured, because any client
 * can send them; the request id falls back to the trace id in the logging MDC.
 */
public final class ServletRequestContextProvider implements RequestContextProvider {

    private static final int MAX_REQUEST_ID_LENGTH = 128;

    private final boolean trustForwardedHeaders;
    private final String requestIdHeader;

    /**
     * Creates the provider.
     *
     * @param trustForwardedHeaders whether {@code X-Forwarded-For} and {@code Forwarded} name the client
     * @param requestIdHeader header carrying the request id
     */
    public ServletRequestContextProvider(boolean trustForwardedHeaders, String requestIdHeader) {
        this.trustForwardedHeaders = trustForwardedHeaders;
        this.requestIdHeader = requestIdHeader;
    }

    @Override
    public Optional<RequestContext> currentContext() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        HttpServletRequest request = servlet.getRequest();
        String requestId = acceptable(request.getHeader(requestIdHeader));
        if (requestId == null) {
            requestId = acceptable(MDC.get("traceId"));
        }
        return Optional.of(new RequestContext(IpAddresses.canonical(clientIp(request)), request.getHeader("User-Agent"),
                requestId));
    }

    /** A client-chosen id that is not a plausible id is left out rather than failing the event. */
    private static String acceptable(String requestId) {
        if (requestId == null || requestId.length() > MAX_REQUEST_ID_LENGTH
                || UnsafeCharacters.firstUnsafeIndex(requestId) >= 0) {
            return null;
        }
        return requestId;
    }

    private String clientIp(HttpServletRequest request) {
        if (trustForwardedHeaders) {
            String forwardedFor = request.getHeader("X-Forwarded-For");
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                // The right-most hop was added by the trusted proxy; entries left of it are the client's own claims.
                String[] hops = forwardedFor.split(",");
                return hops[hops.length - 1].trim();
            }
            String forwarded = request.getHeader("Forwarded");
            if (forwarded != null) {
                String client = null;
                for (String part : forwarded.split("[;,]")) {
                    String trimmed = part.trim();
                    if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                        client = trimmed.substring(4).replace("\"", "");
                    }
                }
                if (client != null) {
                    return client;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
