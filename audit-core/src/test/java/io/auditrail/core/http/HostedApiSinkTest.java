package io.auditrail.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSinkException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HostedApiSinkTest {

    private final AuditEventCodec codec = new AuditEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private final LoopbackApi api = new LoopbackApi();

    HostedApiSinkTest() throws IOException {
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HostedApiSink sink(Duration requestTimeout, int concurrency) {
        HostedApiSettings settings = new HostedApiSettings(api.uri(), "al_test_key", Duration.ofSeconds(2),
                requestTimeout, concurrency);
        return new HostedApiSink(settings, codec, HttpClient.newHttpClient(), clock);
    }

    private HostedApiSink sink() {
        return sink(Duration.ofSeconds(5), 4);
    }

    @Test
    void postsEachEventInTheApiShapeWithKeyAndIdempotencyKey() {
        AuditEvent event = TestEvents.invoiceDeleted().context(new RequestContext("203.0.113.5", "curl", "r-1"))
                .metadata("reason", "duplicate").build();

        sink().write(List.of(event));

        LoopbackApi.Received request = api.received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/events");
        assertThat(request.authorization()).isEqualTo("Bearer al_test_key");
        assertThat(request.idempotencyKey()).isEqualTo(event.id().toString());
        assertThat(request.contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("actor").path("id").asString()).isEqualTo("alice");
        assertThat(body.path("action").asString()).isEqualTo("invoice.deleted");
        assertThat(body.path("resource").path("id").asString()).isEqualTo("inv-42");
        assertThat(body.path("organization_id").asString()).isEqualTo("acme");
        assertThat(body.path("timestamp").asString()).isEqualTo("2026-11-23T10:15:30.123456Z");
        assertThat(body.path("metadata").path("reason").asString()).isEqualTo("duplicate");
        JsonNode extension = body.path("metadata").path("_auditrail");
        assertThat(extension.path("event_id").asString()).isEqualTo(event.id().toString());
        assertThat(extension.path("outcome").asString()).isEqualTo("success");
        assertThat(extension.path("ip").asString()).isEqualTo("203.0.113.5");
    }

    @Test
    void treatsServerErrorsAsRetryable() {
        api.script(request -> new LoopbackApi.Reply(503, "{\"error\":\"maintenance\"}", null, 0));

        AuditSinkException error = catchThrowableOfType(AuditSinkException.class,
                () -> sink().write(List.of(TestEvents.event(1), TestEvents.event(2))));

        assertThat(error.isRetryable()).isTrue();
        assertThat(error.rejections()).isEmpty();
        assertThat(error).hasMessageContaining("2 of 2 events not stored").hasMessageContaining("HTTP 503");
    }

    @Test
    void reportsTheLongestRetryAfterInSecondsOrAsAnHttpDate() {
        api.script(request -> new LoopbackApi.Reply(429, "{\"error\":\"Rate limited\"}",
                request.body().contains("inv-1\"") ? "7" : "Mon, 23 Nov 2026 12:00:30 GMT", 0));

        AuditSinkException error = catchThrowableOfType(AuditSinkException.class,
                () -> sink().write(List.of(TestEvents.event(1), TestEvents.event(2))));

        assertThat(error.isRetryable()).isTrue();
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void rejectsOnlyTheRefusedEventsWithTheApisReason() {
        AuditEvent bad = TestEvents.event(7);
        api.script(request -> request.idempotencyKey().equals(bad.id().toString())
                ? new LoopbackApi.Reply(400, "{\"error\":\"Missing required fields: resource.id\"}", null, 0)
                : LoopbackApi.Reply.created());

        AuditSinkException error = catchThrowableOfType(AuditSinkException.class,
                () -> sink().write(List.of(TestEvents.event(1), bad, TestEvents.event(3))));

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.event()).isEqualTo(bad);
            assertThat(rejection.reason()).isEqualTo("HTTP 400: {\"error\":\"Missing required fields: resource.id\"}");
        });
        assertThat(api.received).hasSize(3);
    }

    @Test
    void treatsRefusedConnectionsAsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HostedApiSink unreachable = new HostedApiSink(HostedApiSettings.of(URI.create("http://127.0.0.1:" + closedPort),
                "al_k"), codec);

        assertThatThrownBy(() -> unreachable.write(List.of(TestEvents.event(1)))).isInstanceOf(AuditSinkException.class)
                .satisfies(e -> assertThat(((AuditSinkException) e).isRetryable()).isTrue())
                .hasMessageContaining("connection failed").hasMessageNotContaining("null");
    }

    @Test
    void treatsASlowResponsePastTheTimeoutAsRetryable() {
        api.script(request -> new LoopbackApi.Reply(201, "{}", null, 1_500));

        assertThatThrownBy(() -> sink(Duration.ofMillis(200), 4).write(List.of(TestEvents.event(1))))
                .isInstanceOf(AuditSinkException.class).hasMessageContaining("timed out");
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfRequestsInFlight() {
        api.script(request -> new LoopbackApi.Reply(201, "{}", null, 100));

        sink(Duration.ofSeconds(5), 2).write(List.of(TestEvents.event(1), TestEvents.event(2), TestEvents.event(3),
                TestEvents.event(4), TestEvents.event(5)));

        assertThat(api.received).hasSize(5);
        assertThat(api.maxInFlight.get()).isBetween(1, 2);
    }

    @Test
    void acceptsADuplicateAsStored() {
        api.script(request -> new LoopbackApi.Reply(409, "{\"error\":\"duplicate\"}", null, 0));

        sink().write(List.of(TestEvents.event(1)));

        assertThat(api.received).hasSize(1);
    }

    @Test
    void validatesSettingsAndKeepsTheKeyOutOfToString() {
        assertThatThrownBy(() -> HostedApiSettings.of(URI.create("ftp://x"), "k"))
                .hasMessageContaining("must be an absolute http(s) URI");
        assertThatThrownBy(() -> HostedApiSettings.of(URI.create("https://api.example.com"), "al_\r\nX-Evil: 1"))
                .hasMessageContaining("no whitespace or control characters");
        assertThat(HostedApiSettings.of(URI.create("https://api.example.com"), "al_secret").toString())
                .doesNotContain("al_secret");
    }
}
