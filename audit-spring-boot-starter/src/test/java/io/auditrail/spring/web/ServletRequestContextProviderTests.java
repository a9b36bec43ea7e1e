package io.auditrail.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ServletRequestContextProviderTests {

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void outsideARequestThereIsNoContext() {
        assertThat(new ServletRequestContextProvider(true, "X-Request-Id").currentContext()).isEmpty();
    }

    @Test
    void readsTheBoundRequestAndTrustsForwardedHeadersOnlyWhenTold() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/invoices");
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "198.51.100.7, 203.0.113.9");
        request.addHeader("user-agent", "curl/8");
        request.addHeader("X-Request-Id", "req-7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        RequestContext trusted = new ServletRequestContextProvider(true, "X-Request-Id").currentContext().orElseThrow();
        RequestContext untrusted = new ServletRequestContextProvider(false, "X-Request-Id").currentContext()
                .orElseThrow();

        assertThat(trusted).isEqualTo(new RequestContext("203.0.113.9", "curl/8", "req-7"));
        assertThat(untrusted.ip()).isEqualTo("192.0.2.10");
    }
}
