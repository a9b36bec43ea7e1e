package io.auditrail.core.internal.request;

import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.UnsafeCharacters;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Reads client IP, user agent and request id from an HTTP request, given as its headers and
 * remote address. Forwarded headers name the client only when trusted, because any client can
 * send them; the request id falls back to the trace id in the logging MDC, and a request id that
 * is not a plausible id is left out rather than failing the event.
 */
public final class RequestContextReader {

    private static final int MAX_REQUEST_ID_LENGTH = 128;

    private final boolean trustForwardedHeaders;
    private final String requestIdHeader;

    /**
     * Creates the reader.
     *
     * @param trustForwardedHeaders whether {@code X-Forwarded-For} and {@code Forwarded} name the client
     * @param requestIdHeader header carrying the request id
     */
    public RequestContextReader(boolean trustForwardedHeaders, String requestIdHeader) {
        this.trustForwardedHeaders = trustForwardedHeaders;
        this.requestIdHeader = Objects.requireNonNull(requestIdHeader, "requestIdHeader");
    }

    /**
     * The context of one request.
     *
     * @param headers a header's first value by name, or {@code null} when absent
     * @param remoteAddress the connection's peer address, read only when no trusted header names the client
     * @return the context
     */
    public RequestContext read(Function<String, String> headers, Supplier<String> remoteAddress) {
        String requestId = acceptable(headers.apply(requestIdHeader));
        if (requestId == null) {
            requestId = acceptable(MDC.get("traceId"));
        }
        String client = trustForwardedHeaders ? ForwardedHeaders.client(headers) : null;
        return new RequestContext(IpAddresses.canonical(client != null ? client : remoteAddress.get()),
                headers.apply("User-Agent"), requestId);
    }

    private static @Nullable String acceptable(@Nullable String requestId) {
        if (requestId == null || requestId.length() > MAX_REQUEST_ID_LENGTH
                || UnsafeCharacters.firstUnsafeIndex(requestId) >= 0) {
            return null;
        }
        return requestId;
    }
}
