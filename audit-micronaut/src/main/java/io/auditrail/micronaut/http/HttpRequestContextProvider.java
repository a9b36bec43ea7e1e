package io.auditrail.micronaut.http;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.internal.request.RequestContextReader;
import io.auditrail.core.spi.RequestContextProvider;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Reads client IP, user agent and request id from the request Micronaut propagates to the
 * current call, with core's {@link RequestContextReader}: forwarded headers are trusted only
 * when {@code auditrail.request.trust-forwarded-headers} is on, because any client can send them;
 * the request id falls back to the trace id in the logging MDC.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = ServerRequestContext.class)
@Requires(missingBeans = RequestContextProvider.class)
final class HttpRequestContextProvider implements RequestContextProvider {

    private final RequestContextReader reader;

    /**
     * Creates the provider.
     *
     * @param configuration {@code auditrail.request.*}
     */
    public HttpRequestContextProvider(AuditrailConfiguration configuration) {
        AuditrailSettings.Request request = configuration.getRequest();
        this.reader = new RequestContextReader(request.isTrustForwardedHeaders(), request.getRequestIdHeader());
    }

    @Override
    public Optional<RequestContext> currentContext() {
        return ServerRequestContext.currentRequest()
                .map(request -> reader.read(request.getHeaders()::get, () -> remoteAddress(request)));
    }

    private static String remoteAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
