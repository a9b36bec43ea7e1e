package io.auditrail.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.store.AuditCursor;
import io.auditrail.core.store.AuditQuery;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditrailClientBuilderTest {

    private static final String KEY = "al_0123456789abcdef";

    @Test
    void httpsIsRequiredAndPlainHttpOnlyToLoopbackWhenAllowed() {
        assertThat(AuditrailClient.builder().baseUri("https://audit.example.com/").apiKey(KEY).build().baseUri())
                .isEqualTo(URI.create("https://audit.example.com/"));
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("http://audit.example.com").apiKey(KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("http://127.0.0.1:8080").apiKey(KEY).build())
                .hasMessageContaining("allowLoopbackHttp(true)");
        for (String loopback : new String[] {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080"}) {
            assertThat(AuditrailClient.builder().baseUri(loopback).apiKey(KEY).allowLoopbackHttp(true).build())
                    .isNotNull();
        }
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("http://127.0.0.1.example.com")
                .apiKey(KEY).allowLoopbackHttp(true).build()).hasMessageContaining("must use https");
    }

    @Test
    void badBaseUrisAndKeysAreRefusedByName() {
        assertThatThrownBy(() -> AuditrailClient.builder().apiKey(KEY).build()).hasMessage("audit API base URI is required");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("audit.example.com").apiKey(KEY).build())
                .hasMessageContaining("absolute https URI");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("ftp://audit.example.com").apiKey(KEY).build())
                .hasMessageContaining("absolute https URI");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("https://user:secret@audit.example.com").apiKey(KEY)
                .build()).hasMessageContaining("no user info").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("https://audit.example.com?key=1").apiKey(KEY).build())
                .hasMessageContaining("query");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("https://a b").apiKey(KEY).build())
                .hasMessageContaining("not a URI");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("https://audit.example.com").build())
                .hasMessage("audit API key is required");
        assertThatThrownBy(() -> AuditrailClient.builder().baseUri("https://audit.example.com").apiKey("al_x\r\nX: y")
                .build()).hasMessageContaining("whitespace or control").hasMessageNotContaining("al_x");
        assertThatThrownBy(() -> AuditrailClient.builder().maxAttempts(0)).hasMessageContaining("from 1 to 10");
        assertThatThrownBy(() -> AuditrailClient.builder().requestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout must be positive");
    }

    @Test
    void theKeyStaysOutOfToStringAndACursorQueryIsRefusedBeforeAnyRequest() {
        AuditrailClient client = AuditrailClient.builder().baseUri("https://audit.example.com").apiKey(KEY).build();
        assertThat(client.toString()).doesNotContain(KEY).contains("****");
        AuditQuery withCursor = AuditQuery.builder().cursor(new AuditCursor(Instant.now(), 3)).build();
        assertThatThrownBy(() -> client.query(withCursor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset only");
    }
}
