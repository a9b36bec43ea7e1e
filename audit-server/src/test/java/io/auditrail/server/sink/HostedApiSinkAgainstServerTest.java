package io.auditrail.server.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.Sleeper;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSinkException;
import io.auditrail.core.store.AuditStore;
import io.auditrail.server.support.FaultProxy;
import io.auditrail.server.support.FaultProxy.Seen;
import io.auditrail.server.support.FaultProxy.Slow;
import io.auditrail.server.support.FaultProxy.Status;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.RecordingMonitor;
import io.auditrail.server.support.TestServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Auditrail's own {@link HostedApiSink}, behind the core {@link AsyncDispatcher} as an
 * application runs it, against the real server: directly, and through a fault-injecting proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedApiSinkAgainstServerTest {

    private static final RetryBackoff FAST_BACKOFF =
            new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(100), 2.0, 0.2);

    private TestServer server;
    private FaultProxy proxy;
    private String organization;
    private String key;
    private Http http;
    private RecordingMonitor monitor;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<AsyncDispatcher> dispatchers = new ArrayList<>();

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.h2());
        proxy = new FaultProxy(server.baseUri());
        http = new Http(server.baseUri());
    }

    @AfterAll
    void stop() {
        proxy.close();
        server.close();
    }

    @BeforeEach
    void organisation() {
        organization = "org-" + UUID.randomUUID();
        key = server.newKey(organization, "starter").secret();
        monitor = new RecordingMonitor();
        waits.clear();
        proxy.reset();
    }

    @AfterEach
    void closeDispatchers() {
        dispatchers.forEach(dispatcher -> dispatcher.close(Duration.ofSeconds(1)));
        dispatchers.clear();
    }

    /** A dispatcher whose retries record their wait instead of sleeping, so backoff tests never really sleep. */
    private AsyncDispatcher dispatcher(URI base, Duration requestTimeout) {
        HostedApiSink sink = new HostedApiSink(new HostedApiSettings(base, key, Duration.ofSeconds(2), requestTimeout, 4),
                new AuditEventCodec());
        Sleeper recording = waits::add;
        AsyncDispatcher dispatcher = new AsyncDispatcher(sink, new AsyncSettings(1000, 10, Duration.ofMillis(20),
                OverflowPolicy.BLOCK, Duration.ofSeconds(1), FAST_BACKOFF), monitor, Clock.systemUTC(), recording);
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    private DrainResult drain(AsyncDispatcher dispatcher) {
        dispatchers.remove(dispatcher);
        return dispatcher.close(Duration.ofSeconds(20));
    }

    private AuditEvent event(String resourceId) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("old", "draft");
        nested.put("new", "sent");
        return AuditEvent.builder()
                .timestamp(Instant.now().minus(5, ChronoUnit.MINUTES))
                .organizationId(organization)
                .actor(new Actor("user-7", "Ada Lovelace", "ada@example.com", ActorType.SERVICE))
                .action("invoice.sent")
                .resource(new Resource("invoice", resourceId, "Invoice " + resourceId))
                .outcome(Outcome.failure("java.lang.IllegalStateException", "mail server down"))
                .context(new RequestContext("203.0.113.9", "curl/8.5", "req-" + resourceId))
                .metadata("status", nested)
                .metadata("amount", new java.math.BigDecimal("12.50"))
                .metadata("count", 3L)
                .build();
    }

    @Test
    void everyFieldArrivesAndEveryReadAgrees() {
        AsyncDispatcher dispatcher = dispatcher(server.baseUri(), Duration.ofSeconds(5));
        List<AuditEvent> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AuditEvent event = event("inv-" + i);
            sent.add(event);
            dispatcher.dispatch(event);
        }
        assertThat(drain(dispatcher).isComplete()).isTrue();
        assertThat(monitor.delivered.get()).isEqualTo(12);

        AuditEventCodec codec = new AuditEventCodec();
        for (AuditEvent original : sent) {
            JsonNode wire = http.get("/v1/events/" + original.id(), key).json();
            assertThat(wire.get("id").asString()).isEqualTo(original.id().toString());
            assertThat(wire.get("timestamp").asString()).isEqualTo(AuditEventCodec.formatTimestamp(original.timestamp()));
            assertThat(wire.get("actor_id").asString()).isEqualTo("user-7");
            assertThat(wire.get("actor_name").asString()).isEqualTo("Ada Lovelace");
            assertThat(wire.get("actor_email").asString()).isEqualTo("ada@example.com");
            assertThat(wire.get("action").asString()).isEqualTo("invoice.sent");
            assertThat(wire.get("resource_type").asString()).isEqualTo("invoice");
            assertThat(wire.get("resource_id").asString()).isEqualTo(original.resource().id());
            assertThat(wire.get("resource_name").asString()).isEqualTo(original.resource().name());
            assertThat(wire.get("organization_id").asString()).isEqualTo(organization);
            JsonNode metadata = wire.get("metadata");
            assertThat(metadata.get("status").toString()).isEqualTo("{\"old\":\"draft\",\"new\":\"sent\"}");
            assertThat(metadata.get("amount").decimalValue()).isEqualByComparingTo("12.50");
            assertThat(metadata.get("count").asLong()).isEqualTo(3);
            JsonNode extension = metadata.get(AuditEventCodec.HOSTED_API_EXTENSION_KEY);
            assertThat(extension.get("event_id").asString()).isEqualTo(original.id().toString());
            assertThat(extension.get("actor_type").asString()).isEqualTo("service");
            assertThat(extension.get("outcome").asString()).isEqualTo("failure");
            assertThat(extension.get("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
            assertThat(extension.get("error_message").asString()).isEqualTo("mail server down");
            assertThat(extension.get("ip").asString()).isEqualTo("203.0.113.9");
            assertThat(extension.get("user_agent").asString()).isEqualTo("curl/8.5");
            assertThat(extension.get("request_id").asString()).isEqualTo(original.context().requestId());

            // The store's own columns carry the extension too, so its outcome filter and CSV work.
            AuditEvent stored = server.bean(AuditStore.class).findById(organization, original.id()).orElseThrow();
            assertThat(stored.actor()).isEqualTo(original.actor());
            assertThat(stored.outcome()).isEqualTo(original.outcome());
            assertThat(stored.context()).isEqualTo(original.context());
            assertThat(stored.timestamp()).isEqualTo(original.timestamp());
            Map<String, Object> storedMetadata = new LinkedHashMap<>(stored.metadata());
            storedMetadata.remove(AuditEventCodec.HOSTED_API_EXTENSION_KEY);
            assertThat(codec.metadataToJson(storedMetadata)).isEqualTo(codec.metadataToJson(original.metadata()));
        }

        JsonNode list = http.get("/v1/events?limit=100", key).json();
        assertThat(list.get("total").asLong()).isEqualTo(12);
        JsonNode export = http.get("/v1/events/export?format=json", key).json();
        assertThat(export).isEqualTo(list.get("events"));
        String csv = http.get("/v1/events/export?format=csv", key).body();
        assertThat(csv.split("\r\n")).hasSize(13);
        for (AuditEvent original : sent) {
            assertThat(csv).contains(original.id().toString());
        }
        assertThat(http.get("/v1/events?outcome=failure&actor_id=user-7&action=invoice.sent", key).json()
                .get("total").asLong()).isEqualTo(12);
        assertThat(http.get("/v1/usage", key).json().get("events_this_month").asLong()).isEqualTo(12);
    }

    @Test
    void serverErrorsAreRetriedWithTheSameIdempotencyKey() {
        proxy.script(new Status(500, null), new Status(503, null));
        AsyncDispatcher dispatcher = dispatcher(proxy.baseUri(), Duration.ofSeconds(5));
        AuditEvent event = event("inv-500");
        dispatcher.dispatch(event);
        assertThat(drain(dispatcher).isComplete()).isTrue();

        assertThat(proxy.seen()).extracting(Seen::answered).containsExactly(500, 503, 201);
        assertThat(proxy.seen()).extracting(Seen::idempotencyKey).containsOnly(event.id().toString());
        assertThat(monitor.retried.get()).isEqualTo(2);
        assertThat(monitor.delivered.get()).isEqualTo(1);
        assertThat(monitor.dropped).isEmpty();
        assertThat(http.get("/v1/events", key).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsRetriedAndTheEventStoredOnce() {
        proxy.script(new Slow(Duration.ofMillis(1500)));
        AsyncDispatcher dispatcher = dispatcher(proxy.baseUri(), Duration.ofMillis(400));
        AuditEvent event = event("inv-slow");
        dispatcher.dispatch(event);
        assertThat(drain(dispatcher).isComplete()).isTrue();

        // The slow attempt reached the server and stored the event; the retry is answered as a replay.
        assertThat(proxy.seen()).extracting(Seen::answered).containsExactlyInAnyOrder(201, 200);
        assertThat(proxy.seen()).extracting(Seen::idempotencyKey).containsOnly(event.id().toString());
        assertThat(monitor.failures).first().asString().contains("timed out");
        assertThat(monitor.delivered.get()).isEqualTo(1);
        assertThat(http.get("/v1/events", key).json().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/v1/usage", key).json().get("events_this_month").asLong()).isEqualTo(1);
    }

    @Test
    void retryAfterInSecondsIsWaitedAtLeast() {
        proxy.script(new Status(429, "7"));
        AsyncDispatcher dispatcher = dispatcher(proxy.baseUri(), Duration.ofSeconds(5));
        AuditEvent event = event("inv-429");
        dispatcher.dispatch(event);
        assertThat(drain(dispatcher).isComplete()).isTrue();

        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(proxy.seen()).extracting(Seen::idempotencyKey).containsExactly(event.id().toString(),
                event.id().toString());
        assertThat(http.get("/v1/events/" + event.id(), key).status()).isEqualTo(200);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedAtLeast() {
        String in30Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(30).atZone(ZoneOffset.UTC));
        proxy.script(new Status(429, in30Seconds));
        AsyncDispatcher dispatcher = dispatcher(proxy.baseUri(), Duration.ofSeconds(5));
        dispatcher.dispatch(event("inv-date"));
        assertThat(drain(dispatcher).isComplete()).isTrue();

        assertThat(waits).hasSize(1);
        // Whole seconds on the wire, and a little time passes before the sink reads the header.
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(30));
        assertThat(monitor.delivered.get()).isEqualTo(1);
    }

    @Test
    void anEventTheServerRefusesIsDeadLetteredWithItsReasonAndTheRestStored() {
        AsyncDispatcher dispatcher = dispatcher(proxy.baseUri(), Duration.ofSeconds(5));
        AuditEvent good = event("inv-good");
        AuditEvent notDotted = event("inv-bad").toBuilder().action("login").build();
        AuditEvent otherOrganisation = event("inv-foreign").toBuilder().organizationId("someone-else").build();
        dispatcher.dispatch(good);
        dispatcher.dispatch(notDotted);
        dispatcher.dispatch(otherOrganisation);
        assertThat(drain(dispatcher).isComplete()).isTrue();

        assertThat(monitor.dropped).containsExactly("rejected", "rejected");
        assertThat(monitor.delivered.get()).isEqualTo(1);
        AuditSinkException failure = (AuditSinkException) monitor.failures.get(0);
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.rejections()).hasSize(2);
        assertThat(failure.rejections()).filteredOn(rejection -> rejection.event().equals(notDotted)).singleElement()
                .satisfies(rejection -> assertThat(rejection.reason())
                        .startsWith("HTTP 400: {\"error\":\"action must be in dot notation"));
        assertThat(failure.rejections()).filteredOn(rejection -> rejection.event().equals(otherOrganisation))
                .singleElement().satisfies(rejection -> assertThat(rejection.reason())
                        .isEqualTo("HTTP 403: {\"error\":\"organization_id does not match the API key's organization\"}"));
        assertThat(proxy.seen()).hasSize(3);
        assertThat(http.get("/v1/events", key).json().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/v1/events/" + good.id(), key).status()).isEqualTo(200);
    }
}
