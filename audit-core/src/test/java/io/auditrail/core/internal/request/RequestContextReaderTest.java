package io.auditrail.core.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.RequestContext;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestContextReaderTest {

    private static final String PEER = "192.0.2.10";

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() {
        RequestContext context = read(false, Map.of("X-Forwarded-For", "203.0.113.9", "Forwarded", "for=198.51.100.7"));

        assertThat(context.ip()).isEqualTo(PEER);
    }

    @Test
    void behindATrustedProxyTheRightMostHopIsTheClient() {
        RequestContext context = read(true, Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.9",
                "User-Agent", "curl/8"));

        assertThat(context.ip()).isEqualTo("203.0.113.9");
        assertThat(context.userAgent()).isEqualTo("curl/8");
    }

    @Test
    void theForwardedHeaderIsReadWhenXForwardedForIsAbsentOrBlank() {
        assertThat(read(true, Map.of("Forwarded", "for=\"198.51.100.7\";proto=https")).ip()).isEqualTo("198.51.100.7");
        assertThat(read(true, Map.of("X-Forwarded-For", " ", "Forwarded", "for=192.0.2.1, FOR=203.0.113.4")).ip())
                .as("the last hop, in any case").isEqualTo("203.0.113.4");
        assertThat(read(true, Map.of("Forwarded", "proto=https")).ip()).as("no client named").isEqualTo(PEER);
    }

    @Test
    void anIpv6ClientIsWrittenInItsCanonicalForm() {
        assertThat(read(true, Map.of("X-Forwarded-For", "2001:DB8:0:0:0:0:0:1")).ip()).isEqualTo("2001:db8::1");
    }

    @Test
    void anImplausibleRequestIdIsLeftOutAndTheTraceIdUsedInstead() {
        MDC.put("traceId", "4bf92f3577b34da6");

        assertThat(read(false, Map.of("X-Request-Id", "bad\nid")).requestId()).isEqualTo("4bf92f3577b34da6");
        assertThat(read(false, Map.of("X-Request-Id", "x".repeat(129))).requestId()).isEqualTo("4bf92f3577b34da6");
        assertThat(read(false, Map.of("X-Request-Id", "req-7")).requestId()).isEqualTo("req-7");
    }

    @Test
    void withoutARequestIdOrTraceIdThereIsNone() {
        assertThat(read(false, Map.of()).requestId()).isNull();
    }

    private static RequestContext read(boolean trusted, Map<String, String> headers) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return new RequestContextReader(trusted, "X-Request-Id").read(caseInsensitive::get, () -> PEER);
    }
}
