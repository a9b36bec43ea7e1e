package io.auditrail.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.client.AuditrailApiException;
import io.auditrail.client.AuditrailClient;
import io.auditrail.client.AuditrailTimeoutException;
import io.auditrail.client.ApiUsage;
import io.auditrail.client.BadRequestException;
import io.auditrail.client.ForbiddenException;
import io.auditrail.client.NotFoundException;
import io.auditrail.client.PayloadTooLargeException;
import io.auditrail.client.RateLimitedException;
import io.auditrail.client.UnauthorizedException;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.server.support.FaultProxy;
import io.auditrail.server.support.FaultProxy.Slow;
import io.auditrail.server.support.FaultProxy.Status;
import io.auditrail.server.support.TestServer;
import io.auditrail.server.tenant.IssuedKey;
import io.auditrail.server.tenant.TenantDirectory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link AuditrailClient}'s five calls and every documented filter against the real server on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditrailClientAgainstServerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456Z");

    private TestServer server;
    private FaultProxy proxy;
    private String organization;
    private IssuedKey key;
    private AuditrailClient client;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        Map<String, String> properties = TestServer.h2();
        properties.put("auditrail.server.max-request-size", "8KB");
        server = TestServer.start(properties);
        proxy = new FaultProxy(server.baseUri());
    }

    @AfterAll
    void stop() {
        proxy.close();
        server.close();
    }

    @BeforeEach
    void organisation() {
        organization = "org-" + UUID.randomUUID();
        key = server.newKey(organization, "starter");
        client = client(server.baseUri(), key.secret());
        waits.clear();
        proxy.reset();
    }

    private AuditrailClient client(URI base, String apiKey) {
        return AuditrailClient.builder().baseUri(base).apiKey(apiKey).allowLoopbackHttp(true)
                .requestTimeout(Duration.ofMillis(800)).maxAttempts(3)
                .backoff(new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.0))
                .sleeper(waits::add).build();
    }

    private static AuditEvent event(int i, String actor, String action, String resourceType, boolean success) {
        return AuditEvent.builder()
                .timestamp(T0.plus(i, ChronoUnit.MINUTES))
                .actor(new Actor(actor, "Name " + actor, actor + "@example.com", ActorType.USER))
                .action(action)
                .resource(new Resource(resourceType, "r-" + i, "Resource " + i))
                .outcome(success ? Outcome.success() : Outcome.failure("java.lang.IllegalStateException", "boom"))
                .context(new RequestContext("203.0.113." + (i % 200), "curl/8", "req-" + i))
                .metadata("n", (long) i)
                .build();
    }

    /** 12 events: actors ada (even) and bob (odd), invoice.* and user.* actions, every third a failure. */
    private List<AuditEvent> logTwelve() {
        List<AuditEvent> logged = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String action = i % 4 == 0 ? "user.invited" : i % 2 == 0 ? "invoice.sent" : "invoice.deleted";
            AuditEvent sent = event(i, i % 2 == 0 ? "ada" : "bob", action, i % 4 == 0 ? "user" : "invoice", i % 3 != 0);
            logged.add(client.log(sent));
        }
        return logged;
    }

    private List<UUID> ids(AuditQuery.Builder query) {
        return client.query(query.limit(1000).build()).events().stream().map(AuditEvent::id).toList();
    }

    @Test
    void logReturnsTheStoredEventAndGetReadsItBackFieldForField() {
        AuditEvent sent = event(1, "ada", "invoice.sent", "invoice", false);
        AuditEvent stored = client.log(sent);
        assertThat(stored).isEqualTo(sent.toBuilder().organizationId(organization).build());
        assertThat(client.get(sent.id())).contains(stored);
        assertThat(client.log(sent)).as("a repeat is the same stored event").isEqualTo(stored);
        assertThat(client.query(AuditQuery.builder().build()).total()).isEqualTo(1);
        assertThat(client.get(UUID.randomUUID())).isEmpty();
    }

    @Test
    void everyDocumentedFilterNarrowsTheQuery() {
        List<AuditEvent> logged = logTwelve();
        assertThat(ids(AuditQuery.builder())).hasSize(12);
        assertThat(ids(AuditQuery.builder().organizationId(organization))).hasSize(12);
        assertThat(ids(AuditQuery.builder().actorId("ada"))).hasSize(6);
        assertThat(ids(AuditQuery.builder().actorName("me bo"))).hasSize(6);
        assertThat(ids(AuditQuery.builder().action("invoice.*"))).hasSize(9);
        assertThat(ids(AuditQuery.builder().action("deleted"))).hasSize(6);
        assertThat(ids(AuditQuery.builder().resourceType("user"))).hasSize(3);
        assertThat(ids(AuditQuery.builder().resourceId("r-7"))).containsExactly(logged.get(7).id());
        assertThat(ids(AuditQuery.builder().outcome(Outcome.Status.FAILURE))).hasSize(4);
        assertThat(ids(AuditQuery.builder().search("invited"))).hasSize(3);
        assertThat(ids(AuditQuery.builder().start(T0.plus(10, ChronoUnit.MINUTES))))
                .containsExactly(logged.get(11).id(), logged.get(10).id());
        assertThat(ids(AuditQuery.builder().end(T0.plus(1, ChronoUnit.MINUTES))))
                .as("end is inclusive, to the microsecond").containsExactly(logged.get(1).id(), logged.get(0).id());
        assertThat(ids(AuditQuery.builder().actorId("ada").action("invoice.*").outcome(Outcome.Status.SUCCESS)))
                .containsExactly(logged.get(10).id(), logged.get(2).id());
        AuditPage second = client.query(AuditQuery.builder().limit(5).offset(5).build());
        assertThat(second.total()).isEqualTo(12);
        assertThat(second.limit()).isEqualTo(5);
        assertThat(second.offset()).isEqualTo(5);
        assertThat(second.events()).extracting(AuditEvent::id)
                .containsExactly(logged.get(6).id(), logged.get(5).id(), logged.get(4).id(), logged.get(3).id(),
                        logged.get(2).id());
    }

    @Test
    void queryAllWalksEveryPageToTheEndNewestFirst() {
        List<AuditEvent> logged = logTwelve();
        List<AuditEvent> walked;
        try (Stream<AuditEvent> all = client.queryAll(AuditQuery.builder().limit(5).build())) {
            walked = all.toList();
        }
        List<AuditEvent> newestFirst = new ArrayList<>(logged);
        java.util.Collections.reverse(newestFirst);
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        try (Stream<AuditEvent> all = client.queryAll(AuditQuery.builder().limit(4).actorId("bob").build())) {
            assertThat(all.map(AuditEvent::id)).hasSize(6).doesNotHaveDuplicates();
        }
        try (Stream<AuditEvent> none = client.queryAll(AuditQuery.builder().actorId("nobody").build())) {
            assertThat(none).isEmpty();
        }
    }

    @Test
    void exportStreamsCsvAndJsonWithTheFilters() {
        List<AuditEvent> logged = logTwelve();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        long bytes = client.export(AuditQuery.builder().actorId("bob").build(), ExportFormat.CSV, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(bytes).isEqualTo(csv.size());
        assertThat(lines.get(0)).isEqualTo(
                "id,timestamp,actor_id,actor_name,action,resource_type,resource_id,resource_name,organization_id");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith(logged.get(11).id().toString());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        client.export(AuditQuery.builder().build(), ExportFormat.JSON, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).startsWith("[").contains(logged.get(0).id().toString());
        try (Stream<AuditEvent> events = client.exportEvents(AuditQuery.builder().outcome(Outcome.Status.FAILURE).build())) {
            assertThat(events).containsExactly(logged.get(9), logged.get(6), logged.get(3), logged.get(0));
        }
        assertThatThrownBy(() -> client.export(AuditQuery.builder().build(), ExportFormat.JSON_LINES, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csv or json");
    }

    @Test
    void usageReportsThePlanAndThisMonthsCount() {
        client.log(event(1, "ada", "invoice.sent", "invoice", true).toBuilder().timestamp(Instant.now()).build());
        ApiUsage usage = client.usage();
        assertThat(usage.plan()).isEqualTo("starter");
        assertThat(usage.eventsThisMonth()).isEqualTo(1);
        assertThat(usage.eventsLimit()).isEqualTo(500_000L);
        assertThat(usage.retentionDays()).isEqualTo(365L);
    }

    @Test
    void eachErrorStatusHasItsTypeAndIsNotRetried() {
        assertThatThrownBy(() -> client.query(AuditQuery.builder().organizationId("someone-else").build()))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("someone-else");
        assertThatThrownBy(() -> client(server.baseUri(), "al_not-a-key").usage())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.error()).isEqualTo("Invalid API key"));
        AuditEvent bad = event(1, "ada", "Not An Action!", "invoice", true);
        assertThatThrownBy(() -> client.log(bad)).isInstanceOf(BadRequestException.class).hasMessageContaining("action");
        AuditEvent huge = event(1, "ada", "invoice.sent", "invoice", true).toBuilder()
                .metadata("blob", "x".repeat(20_000)).build();
        assertThatThrownBy(() -> client.log(huge)).isInstanceOf(PayloadTooLargeException.class);
        AuditrailClient proxied = client(proxy.baseUri(), key.secret());
        proxy.script(new Status(404, null));
        assertThatThrownBy(proxied::usage).isInstanceOf(NotFoundException.class);
        assertThat(waits).as("4xx is never retried").isEmpty();
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedNoSoonerThanRetryAfter() {
        AuditrailClient proxied = client(proxy.baseUri(), key.secret());
        proxy.script(new Status(429, "2"), new Status(503, "1"));
        assertThat(proxied.usage().plan()).isEqualTo("starter");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(proxy.seen()).extracting(FaultProxy.Seen::answered).containsExactly(429, 503, 200);

        waits.clear();
        proxy.script(new Status(429, "3600"));
        assertThatThrownBy(proxied::usage)
                .as("a Retry-After beyond the retry budget ends the call with the wait")
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(waits).isEmpty();

        proxy.script(new Status(500, null), new Status(500, null), new Status(500, null));
        assertThatThrownBy(proxied::usage).isInstanceOfSatisfying(AuditrailApiException.class,
                e -> assertThat(e.status()).isEqualTo(500));
        assertThat(waits).hasSize(2);
    }

    @Test
    void timeoutsAreRetriedAndThenTyped() {
        AuditrailClient proxied = client(proxy.baseUri(), key.secret());
        proxy.script(new Slow(Duration.ofMillis(1000)));
        assertThat(proxied.usage().plan()).as("a later attempt answers").isEqualTo("starter");
        assertThat(waits).as("the proxy answers one request at a time, so the retry may queue once more").isNotEmpty();
        proxy.script(new Slow(Duration.ofSeconds(2)), new Slow(Duration.ofSeconds(2)), new Slow(Duration.ofSeconds(2)));
        assertThatThrownBy(proxied::usage).isInstanceOf(AuditrailTimeoutException.class).hasMessageContaining("timed out");
    }

    @Test
    void aRevokedKeyFailsOnTheNextCall() {
        client.log(event(1, "ada", "invoice.sent", "invoice", true));
        assertThat(client.query(AuditQuery.builder().build()).total()).isEqualTo(1);
        server.bean(TenantDirectory.class).revoke(key.info().id());
        assertThatThrownBy(() -> client.query(AuditQuery.builder().build()))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("Invalid API key");
        assertThat(waits).isEmpty();
    }
}
