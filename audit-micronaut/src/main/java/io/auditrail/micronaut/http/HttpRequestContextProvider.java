package io.auditrail.micronaut.http;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.event.IpAddresses;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.UnsafeCharacters;
import io.auditrail.core.spi.RequestContextProvider;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Reads client IP, user agent and request id from the request Micronaut propagates to the
 * current call. Forwarded headers are trusted only when {@code auditrail.request.trust-forwarded-headers}
 * is on, because any client can send them; the request id falls back to the trace id in the
 * logging MDC.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = ServerRequestContext.class)
@Requires(missingBeans = RequestContextProvider.class)
public final class HttpRequestContextProvider implements RequestContextProvider {

    private static final int MAX_REQUEST_ID_LENGTH = 128;

    private final boolean trustForwardedHeaders;
    private final String requestIdHeader;

    /**
     * Creates the provider.
     *
     * @param configuration {@code auditrail.request.*}
     */
    public HttpRequestContextProvider(AuditrailConfiguration configuration) {
        AuditrailSettings.Request request = configuration.getRequest();
        this.trustForwardedHeaders = request.isTrustForwardedHeaders();
        this.requestIdHeader = request.getRequestIdHeader();
    }

    @Override
    public Optional<RequestContext> currentContext() {
        Optional<HttpRequest<Object>> current = ServerRequestContext.currentRequest();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        HttpRequest<Object> request = current.get();
        HttpHeaders headers = request.getHeaders();
        String requestId = acceptable(headers.get(requestIdHeader));
        if (requestId == null) {
            requestId = acceptable(MDC.get("traceId"));
        }
        return Optional.of(new RequestContext(IpAddresses.canonical(clientIp(request)),
                headers.get(HttpHeaders.USER_AGENT), requestId));
    }

    /** A client-chosen id that is not a plausible id is left out rather than failing the event. */
    private static String acceptable(String requestId) {
        if (requestId == null || requestId.length() > MAX_REQUEST_ID_LENGTH
                || UnsafeCharacters.firstUnsafeIndex(requestId) >= 0) {
            return null;
        }
        return requestId;
    }

    private String clientIp(HttpRequest<?> request) {
        if (trustForwardedHeaders) {
            String forwardedFor = request.getHeaders().get("X-Forwarded-For");
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                // The right-most hop was added by the trusted proxy; entries left of it are the client's own claims.
                String[] hops = forwardedFor.split(",");
                return hops[hops.length - 1].trim();
            }
            String forwarded = request.getHeaders().get("Forwarded");
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
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
