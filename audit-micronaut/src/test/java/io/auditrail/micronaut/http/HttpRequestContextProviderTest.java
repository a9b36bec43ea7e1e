package io.auditrail.micronaut.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.RequestContext;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class HttpRequestContextProviderTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void outsideARequestThereIsNoContext() {
        assertThat(provider(false).currentContext()).isEmpty();
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() {
        MutableHttpRequest<Object> request = HttpRequest.GET("/invoices").header("X-Forwarded-For", "203.0.113.9");

        RequestContext context = within(request, provider(false)).orElseThrow();

        assertThat(context.ip()).isNotEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheRightMostHopIsTheClient() {
        MutableHttpRequest<Object> request = HttpRequest.GET("/invoices")
                .header("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
                .header("User-Agent", "curl/8");

        RequestContext context = within(request, provider(true)).orElseThrow();

        assertThat(context.ip()).isEqualTo("203.0.113.9");
        assertThat(context.userAgent()).isEqualTo("curl/8");
    }

    @Test
    void theForwardedHeaderIsReadWhenXForwardedForIsAbsent() {
        MutableHttpRequest<Object> request = HttpRequest.GET("/invoices").header("Forwarded", "for=\"198.51.100.7\";proto=https");

        assertThat(within(request, provider(true)).orElseThrow().ip()).isEqualTo("198.51.100.7");
    }

    @Test
    void anImplausibleRequestIdIsLeftOutAndTheTraceIdUsedInstead() {
        MDC.put("traceId", "4bf92f3577b34da6");
        MutableHttpRequest<Object> request = HttpRequest.GET("/invoices").header("X-Request-Id", "forged\u202Eid");

        assertThat(within(request, provider(false)).orElseThrow().requestId()).isEqualTo("4bf92f3577b34da6");
    }

    private static Optional<RequestContext> within(HttpRequest<Object> request, HttpRequestContextProvider provider) {
        Supplier<Optional<RequestContext>> read = provider::currentContext;
        return ServerRequestContext.with(request, read);
    }

    private static HttpRequestContextProvider provider(boolean trustForwardedHeaders) {
        AuditrailConfiguration.RequestConfiguration request = new AuditrailConfiguration.RequestConfiguration();
        request.setTrustForwardedHeaders(trustForwardedHeaders);
        return new HttpRequestContextProvider(new AuditrailConfiguration(new AuditrailConfiguration.JdbcConfiguration(),
                new AuditrailConfiguration.HttpConfiguration(), new AuditrailConfiguration.ActorConfiguration(), request,
                new AuditrailConfiguration.RedactionConfiguration(), new AuditrailConfiguration.LimitsConfiguration(),
                new AuditrailConfiguration.AsyncConfiguration(), new AuditrailConfiguration.OutboxConfiguration(),
                new AuditrailConfiguration.KafkaConfiguration(new AuditrailConfiguration.KafkaConfiguration.LoaderConfiguration())));
    }
}
