package io.auditrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditStore;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.server.support.TestServer;
import io.auditrail.spring.web.read.AuditEventReader;
import io.auditrail.spring.web.read.HostedEventReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same events, stored once in an application's own JDBC store and once sent by the HTTP sink
 * to a real audit-server, read through the starter's endpoints of two applications that differ
 * only in {@code auditrail.sink}: every call answers the same, scoped the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedReadsMatchStoreReadsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int EVENTS = 60;

    private TestServer server;
    private ConfigurableApplicationContext jdbcApp;
    private ConfigurableApplicationContext hostedApp;
    private final HttpClient http = HttpClient.newHttpClient();
    final List<AuditEvent> events = new ArrayList<>();

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.h2());
        String key = server.newKey("acme", "starter").secret();
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.HOURS)
                .plus(123_456, ChronoUnit.MICROS);
        if (start.atZone(java.time.ZoneOffset.UTC).getDayOfMonth() == 1 || start.isAfter(Instant.now())) {
            start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        }
        String[] actors = {"alice", "bob", "carol"};
        for (int i = 0; i < EVENTS; i++) {
            String actor = actors[i % 3];
            // Every fifth event shares its timestamp with the one before: cursors must step over ties.
            Instant at = start.plus(i - (i % 5 == 4 ? 1 : 0), ChronoUnit.MINUTES);
            events.add(AuditEvent.builder().timestamp(at).organizationId("acme")
                    .actor(new Actor(actor, actor.substring(0, 1).toUpperCase() + actor.substring(1) + " Example",
                            actor + "@example.com", ActorType.USER))
                    .action(i % 4 == 0 ? "user.invited" : i % 2 == 0 ? "invoice.sent" : "invoice.deleted")
                    .resource(new Resource(i % 4 == 0 ? "user" : "invoice", "r-" + i, "Resource " + i))
                    .outcome(i % 7 == 0 ? Outcome.failure("java.lang.IllegalStateException", null) : Outcome.success())
                    .context(new RequestContext("203.0.113." + i, "Mozilla/5.0", "req-" + i))
                    .metadata("amount", (long) i * 100).metadata("currency", "EUR").build());
        }
        jdbcApp = ReadApp.start(Map.of("auditrail.sink", "jdbc",
                "spring.datasource.url", "jdbc:h2:mem:read-app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbcApp.getBean(JdbcAuditStore.class).write(events);
        hostedApp = ReadApp.start(Map.of("auditrail.sink", "http", "auditrail.http.base-uri", server.baseUri().toString(),
                "auditrail.http.api-key", key,
                "spring.datasource.url", "jdbc:h2:mem:read-app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        // One request at a time, so the server stores them in the order the application's store did:
        // events sharing a timestamp are listed by insertion order on both sides.
        new HostedApiSink(new HostedApiSettings(server.baseUri(), key, Duration.ofSeconds(5), Duration.ofSeconds(10), 1),
                new AuditEventCodec()).write(events);
    }

    @AfterAll
    void stop() {
        jdbcApp.close();
        hostedApp.close();
        server.close();
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    int jdbcPort() {
        return port(jdbcApp);
    }

    int hostedPort() {
        return port(hostedApp);
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Answer get(ConfigurableApplicationContext app, String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(app) + path));
        if (user != null) {
            request.header("X-Test-User", user);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Both answers, asserted equal in status and in every field but the opaque cursor token. */
    private JsonNode same(String user, String path) throws Exception {
        Answer store = get(jdbcApp, user, path);
        Answer hosted = get(hostedApp, user, path);
        assertThat(hosted.status()).as(user + " " + path).isEqualTo(store.status());
        if (!path.contains("/export?") && store.body().startsWith("{")) {
            JsonNode a = store.json();
            JsonNode b = hosted.json();
            if (a.has("next_cursor")) {
                assertThat(b.get("next_cursor").isNull()).as("next_cursor of " + path)
                        .isEqualTo(a.get("next_cursor").isNull());
                ((tools.jackson.databind.node.ObjectNode) a).remove("next_cursor");
                ((tools.jackson.databind.node.ObjectNode) b).remove("next_cursor");
            }
            assertThat(b).as(user + " " + path).isEqualTo(a);
            return a;
        }
        assertThat(store.body()).as("store export " + path).isNotEmpty();
        assertThat(hosted.body()).as(user + " " + path).isEqualTo(store.body());
        return null;
    }

    @Test
    void theHostedAppReadsThroughTheClient() {
        assertThat(hostedApp.getBean(AuditEventReader.class)).isInstanceOf(HostedEventReader.class);
        assertThat(hostedApp.getBeansOfType(AuditStore.class)).isEmpty();
        assertThat(jdbcApp.getBean(AuditEventReader.class)).isNotInstanceOf(HostedEventReader.class);
    }

    @Test
    void everyFilterAndPageAnswersTheSameForAnAdminAndAMember() throws Exception {
        String day = events.get(0).timestamp().toString().substring(0, 10);
        String from = URLEncoder.encode(events.get(10).timestamp().toString(), StandardCharsets.UTF_8);
        String to = URLEncoder.encode(events.get(30).timestamp().toString(), StandardCharsets.UTF_8);
        List<String> paths = List.of("/audit/events", "/audit/events?limit=7", "/audit/events?limit=5&offset=5",
                "/audit/events?action=invoice.*", "/audit/events?action=deleted", "/audit/events?actor_name=Bob",
                "/audit/events?actor_id=bob", "/audit/events?resource_type=user", "/audit/events?resource_id=r-12",
                "/audit/events?outcome=failure", "/audit/events?search=invited",
                "/audit/events?start_date=" + from + "&end_date=" + to, "/audit/events?start_date=" + day,
                "/audit/events?total=false&limit=3", "/audit/events?actor_id=nobody");
        for (String user : List.of("alice", "bob")) {
            for (String path : paths) {
                same(user, path);
            }
        }
        assertThat(same("alice", "/audit/events").get("total").asLong()).isEqualTo(EVENTS);
        assertThat(same("bob", "/audit/events").get("total").asLong()).as("a member sees their own").isEqualTo(EVENTS / 3);
        assertThat(same("bob", "/audit/events?total=false").has("total")).isFalse();
    }

    @Test
    void cursorPagesWalkTheSameEventsToTheEnd() throws Exception {
        for (String user : List.of("alice", "carol")) {
            List<String> store = walk(jdbcApp, user);
            List<String> hosted = walk(hostedApp, user);
            assertThat(hosted).isEqualTo(store).doesNotHaveDuplicates();
            assertThat(store).hasSize(user.equals("alice") ? EVENTS : EVENTS / 3);
        }
    }

    private List<String> walk(ConfigurableApplicationContext app, String user) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(app, user, "/audit/events?limit=4" + (cursor == null ? ""
                    : "&total=false&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
            page.get("events").forEach(event -> ids.add(event.get("id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        return ids;
    }

    @Test
    void getExportAndUsageAnswerTheSameAndMembersSeeOnlyTheirOwn() throws Exception {
        AuditEvent alices = events.get(0);
        AuditEvent bobs = events.get(1);
        same("alice", "/audit/events/" + bobs.id());
        same("bob", "/audit/events/" + bobs.id());
        assertThat(get(hostedApp, "bob", "/audit/events/" + alices.id()).status()).isEqualTo(404);
        same("bob", "/audit/events/" + alices.id());
        same("alice", "/audit/events/" + UUID.randomUUID());
        same(null, "/audit/events");
        assertThat(get(hostedApp, null, "/audit/events").status()).isEqualTo(401);
        for (String user : List.of("alice", "bob")) {
            same(user, "/audit/events/export?format=json");
            same(user, "/audit/events/export?format=jsonl&action=invoice.*");
            same(user, "/audit/events/export?format=json&actor_id=nobody");
        }
        String storeCsv = get(jdbcApp, "bob", "/audit/events/export?format=csv").body();
        String hostedCsv = get(hostedApp, "bob", "/audit/events/export?format=csv").body();
        assertThat(firstNineColumns(hostedCsv)).as("the hosted CSV is the store's first nine columns")
                .isEqualTo(firstNineColumns(storeCsv)).hasSize(EVENTS / 3 + 1);
        JsonNode storeUsage = get(jdbcApp, "alice", "/audit/usage").json();
        JsonNode hostedUsage = get(hostedApp, "alice", "/audit/usage").json();
        assertThat(hostedUsage.get("organization_id")).isEqualTo(storeUsage.get("organization_id"));
        assertThat(hostedUsage.get("events_this_month")).isEqualTo(storeUsage.get("events_this_month"));
        assertThat(hostedUsage.get("month")).isEqualTo(storeUsage.get("month"));
        same("bob", "/audit/usage");
    }

    @Test
    void theViewerInChromiumShowsTheSameRowsOnEveryPage() {
        try (ViewerBrowser browser = new ViewerBrowser()) {
            for (String user : List.of("alice", "bob")) {
                List<String> store = browser.allRows(jdbcPort(), user);
                List<String> hosted = browser.allRows(hostedPort(), user);
                assertThat(hosted).as(user + "'s rows over the hosted sink").isEqualTo(store);
                assertThat(store).hasSize(user.equals("alice") ? EVENTS : EVENTS / 3);
            }
            assertThat(browser.openFirstEvent(hostedPort(), "alice"))
                    .as("the detail opens; without a proof endpoint the proof box stays hidden").isTrue();
        }
    }

    private static List<String> firstNineColumns(String csv) {
        return csv.lines().map(line -> String.join(",", Arrays.asList(line.split(",", -1)).subList(0, 9))).toList();
    }
}
