package io.auditrail.spring.web;

import io.auditrail.core.event.RequestContext;
import io.auditrail.core.internal.request.RequestContextReader;
import io.auditrail.core.spi.RequestContextProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads client IP, user agent and request id from the servlet request bound to the current
 * thread, with core's {@link RequestContextReader}: forwarded headers are trusted only when
 * configured, because any client can send them; the request id falls back to the trace id in the
 * logging MDC.
 */
public final class ServletRequestContextProvider implements RequestContextProvider {

    private final RequestContextReader reader;

    /**
     * Creates the provider.
     *
     * @param trustForwardedHeaders whether {@code X-Forwarded-For} and {@code Forwarded} name the client
     * @param requestIdHeader header carrying the request id
     */
    public ServletRequestContextProvider(boolean trustForwardedHeaders, String requestIdHeader) {
        this.reader = new RequestContextReader(trustForwardedHeaders, requestIdHeader);
    }

    @Override
    public Optional<RequestContext> currentContext() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        HttpServletRequest request = servlet.getRequest();
        return Optional.of(reader.read(request::getHeader, request::getRemoteAddr));
    }
}
