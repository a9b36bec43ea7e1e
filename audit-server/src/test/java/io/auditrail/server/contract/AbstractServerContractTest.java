package io.auditrail.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.store.AuditStore;
import io.auditrail.server.retention.PlanRetentionJob;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.Http.Answer;
import io.auditrail.server.support.TestServer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The hosted API's contract, over real HTTP against the real server on one database. Each test
 * works in organisations of its own, so tests never see each other's events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractServerContractTest {

    static final List<String> EVENT_FIELDS = List.of("id", "timestamp", "actor_id", "actor_name", "actor_email",
            "action", "resource_type", "resource_id", "resource_name", "metadata", "organization_id");

    TestServer server;
    Http http;
    String acme;
    String acmeKey;
    String globex;
    String globexKey;

    abstract Map<String, String> database();

    @BeforeAll
    void startServer() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(database());
        properties.put("auditrail.server.plans.tiny.monthly-events", "3");
        properties.put("auditrail.server.plans.tiny.retention", "1d");
        properties.put("auditrail.server.max-request-size", "16KB");
        server = TestServer.start(properties);
        http = new Http(server.baseUri());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void organisations() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = "acme-" + run;
        globex = "globex-" + run;
        acmeKey = server.newKey(acme, "starter").secret();
        globexKey = server.newKey(globex, null).secret();
    }

    static String event(String actorId, String action, String resourceType, String resourceId) {
        return """
                {"actor":{"id":"%s","name":"Alice Liddell","email":"alice@example.com"},"action":"%s",\
                "resource":{"type":"%s","id":"%s","name":"Invoice #1042"},"metadata":{"ip":"192.0.2.1","amount":12.50}}"""
                .formatted(actorId, action, resourceType, resourceId);
    }

    Answer post(String key, String body, String... headers) {
        return http.post("/v1/events", key, body, headers);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    // ---- POST /v1/events

    @Test
    void postStoresTheEventAndAnswers201WithTheFlatEvent() {
        Answer answer = post(acmeKey, """
                {"actor":{"id":"user_123","name":"Alice","email":"alice@example.com"},"action":"invoice.deleted",\
                "resource":{"type":"invoice","id":"inv_456","name":"Invoice #1042"},"metadata":{"ip":"192.168.1.1"},\
                "timestamp":"2026-11-20T10:15:30Z"}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(fieldNames(body)).containsExactly("success", "event");
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode event = body.get("event");
        assertThat(fieldNames(event)).containsExactlyElementsOf(EVENT_FIELDS);
        assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
        assertThat(event.get("timestamp").asString()).isEqualTo("2026-11-20T10:15:30.000000Z");
        assertThat(event.get("actor_id").asString()).isEqualTo("user_123");
        assertThat(event.get("actor_name").asString()).isEqualTo("Alice");
        assertThat(event.get("actor_email").asString()).isEqualTo("alice@example.com");
        assertThat(event.get("action").asString()).isEqualTo("invoice.deleted");
        assertThat(event.get("resource_type").asString()).isEqualTo("invoice");
        assertThat(event.get("resource_id").asString()).isEqualTo("inv_456");
        assertThat(event.get("resource_name").asString()).isEqualTo("Invoice #1042");
        assertThat(event.get("metadata").toString()).isEqualTo("{\"ip\":\"192.168.1.1\"}");
        assertThat(event.get("organization_id").asString()).isEqualTo(acme);

        Answer read = http.get("/v1/events/" + event.get("id").asString(), acmeKey);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(event);
    }

    @Test
    void optionalFieldsAreNullAndTheTimestampDefaultsToNow() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Answer answer = post(acmeKey, """
                {"actor":{"id":"u1"},"action":"user.login","resource":{"type":"session","id":"s1"}}""");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode event = answer.json().get("event");
        assertThat(event.get("actor_name").isNull()).isTrue();
        assertThat(event.get("actor_email").isNull()).isTrue();
        assertThat(event.get("resource_name").isNull()).isTrue();
        assertThat(event.get("metadata").toString()).isEqualTo("{}");
        assertThat(Instant.parse(event.get("timestamp").asString())).isBetween(before, Instant.now());
    }

    @Test
    void missingFieldsAreNamedIn400() {
        Answer empty = post(acmeKey, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo(
                "{\"error\":\"Missing required fields: actor.id, action, resource.type, resource.id\"}");

        Answer partial = post(acmeKey, "{\"actor\":{\"name\":\"x\"},\"action\":\"a.b\",\"resource\":{\"type\":\"t\"}}");
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("error").asString()).isEqualTo("Missing required fields: actor.id, resource.id");
    }

    @Test
    void badTimestampIsRefusedNamingIt() {
        Answer answer = post(acmeKey, event("u1", "invoice.created", "invoice", "i1")
                .replace("\"metadata\"", "\"timestamp\":\"yesterday\",\"metadata\""));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).startsWith("timestamp must be an ISO 8601 date-time");
    }

    @Test
    void organizationIdDefaultsToTheKeysAndAnotherOrganisationIsForbidden() {
        String own = event("u1", "invoice.created", "invoice", "i1").replace("{\"actor\"",
                "{\"organization_id\":\"" + acme + "\",\"actor\"");
        assertThat(post(acmeKey, own).status()).isEqualTo(201);

        String foreign = event("u1", "invoice.created", "invoice", "i2").replace("{\"actor\"",
                "{\"organization_id\":\"" + globex + "\",\"actor\"");
        Answer answer = post(acmeKey, foreign);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"error\":\"organization_id does not match the API key's organization\"}");
        assertThat(http.get("/v1/events", globexKey).json().get("total").asLong()).isZero();
    }

    // ---- GET /v1/events

    @Test
    void listAnswersNewestFirstWithTotalLimitAndOffset() {
        for (int i = 0; i < 25; i++) {
            post(acmeKey, event("u" + (i % 2), "invoice.created", "invoice", "inv-" + i).replace("\"metadata\"",
                    "\"timestamp\":\"2026-11-01T00:00:%02dZ\",\"metadata\"".formatted(i)));
        }
        Answer first = http.get("/v1/events", acmeKey);
        assertThat(first.status()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(fieldNames(page)).containsExactly("events", "total", "limit", "offset");
        assertThat(page.get("total").asLong()).isEqualTo(25);
        assertThat(page.get("limit").asInt()).isEqualTo(20);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("events").size()).isEqualTo(20);
        assertThat(page.get("events").get(0).get("resource_id").asString()).isEqualTo("inv-24");
        assertThat(fieldNames(page.get("events").get(0))).containsExactlyElementsOf(EVENT_FIELDS);

        JsonNode second = http.get("/v1/events?limit=10&offset=20", acmeKey).json();
        assertThat(second.get("events").size()).isEqualTo(5);
        assertThat(second.get("limit").asInt()).isEqualTo(10);
        assertThat(second.get("offset").asInt()).isEqualTo(20);
        assertThat(second.get("events").get(4).get("resource_id").asString()).isEqualTo("inv-0");
    }

    @Test
    void filtersNarrowTheList() {
        post(acmeKey, event("alice", "invoice.created", "invoice", "i1")
                .replace("\"metadata\"", "\"timestamp\":\"2026-10-01T12:00:00Z\",\"metadata\""));
        post(acmeKey, event("bob", "member.invited", "member", "m1").replace("Alice Liddell", "Bob Builder")
                .replace("\"metadata\"", "\"timestamp\":\"2026-11-01T12:00:00Z\",\"metadata\""));
        post(acmeKey, event("alice", "invoice.deleted", "invoice", "i1")
                .replace("\"metadata\"", "\"timestamp\":\"2026-11-15T12:00:00Z\",\"metadata\""));

        assertThat(total("actor_id=alice")).isEqualTo(2);
        assertThat(total("actor_name=builder")).isEqualTo(1);
        assertThat(total("action=invoice")).isEqualTo(2);
        assertThat(total("resource_type=member")).isEqualTo(1);
        assertThat(total("search=invited")).isEqualTo(1);
        assertThat(total("start_date=2026-11-01T00:00:00Z")).isEqualTo(2);
        assertThat(total("end_date=2026-11-01")).isEqualTo(2);
        assertThat(total("from=2026-10-15&to=2026-11-10T00:00:00Z")).isEqualTo(1);
        assertThat(total("organization_id=" + acme)).isEqualTo(3);
    }

    long total(String query) {
        Answer answer = http.get("/v1/events?" + query, acmeKey);
        assertThat(answer.status()).as(query).isEqualTo(200);
        return answer.json().get("total").asLong();
    }

    @Test
    void anotherOrganisationsIdInTheQueryIsForbidden() {
        post(globexKey, event("u1", "invoice.created", "invoice", "g1"));
        Answer answer = http.get("/v1/events?organization_id=" + globex, acmeKey);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"error\":\"API key cannot access organization_id '" + globex + "'\"}");
        assertThat(http.get("/v1/events/export?format=csv&organization_id=" + globex, acmeKey).status()).isEqualTo(403);
    }

    @Test
    void badQueryParametersAre400() {
        assertThat(http.get("/v1/events?limit=abc", acmeKey).json().get("error").asString())
                .isEqualTo("limit must be a whole number from 1 to 1000 but was 'abc'");
        assertThat(http.get("/v1/events?limit=0", acmeKey).status()).isEqualTo(400);
        assertThat(http.get("/v1/events?limit=100000", acmeKey).status()).isEqualTo(400);
        assertThat(http.get("/v1/events?offset=-1", acmeKey).status()).isEqualTo(400);
        Answer badDate = http.get("/v1/events?start_date=last-week", acmeKey);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("error").asString()).startsWith("start_date must be an ISO 8601 date-time");
        assertThat(http.get("/v1/events?from=2026-13-45", acmeKey).json().get("error").asString()).startsWith("from ");
        assertThat(http.get("/v1/events?start_date=2026-11-02&end_date=2026-11-01", acmeKey).status()).isEqualTo(400);
        assertThat(http.get("/v1/events/export?format=xml", acmeKey).json().get("error").asString())
                .isEqualTo("format must be json or csv but was 'xml'");
        assertThat(http.get("/v1/events?offset=99999999999", acmeKey).json().get("error").asString())
                .isEqualTo("offset must be a whole number from 0 to 2147483647 but was '99999999999'");
        Answer badEncoding = http.get("/v1/events?search=%FF%FE", acmeKey);
        assertThat(badEncoding.status()).isEqualTo(400);
        assertThat(badEncoding.json().get("error").asString())
                .isEqualTo("parameter 'search' is not valid UTF-8 once percent-decoded");
        assertThat(http.get("/v1/events/export?format=csv&search=%FF", acmeKey).status()).isEqualTo(400);
        assertThat(http.get("/v1/events?hosted_only_option=1", acmeKey).status())
                .as("unknown parameters are ignored, as the hosted API does").isEqualTo(200);
    }

    // ---- GET /v1/events/{id}

    @Test
    void getByIdIsConfinedToTheKeysOrganisation() {
        String id = post(globexKey, event("u1", "invoice.created", "invoice", "g1")).json().get("event").get("id")
                .asString();
        assertThat(http.get("/v1/events/" + id, globexKey).status()).isEqualTo(200);

        Answer foreign = http.get("/v1/events/" + id, acmeKey);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"error\":\"Event not found\"}");
        assertThat(http.get("/v1/events/" + UUID.randomUUID(), acmeKey).status()).isEqualTo(404);
        assertThat(http.get("/v1/events/not-a-uuid", acmeKey).body()).isEqualTo("{\"error\":\"Event not found\"}");
    }

    // ---- GET /v1/events/export

    @Test
    void csvExportHasTheHostedColumnsAndNeutralisesFormulas() {
        post(acmeKey, event("u1", "invoice.created", "invoice", "=HYPERLINK(\\\"http://evil\\\")")
                .replace("Alice Liddell", "+SUM(A1:A2)"));
        post(acmeKey, event("u2", "invoice.sent", "invoice", "inv,2"));
        post(globexKey, event("u3", "invoice.created", "invoice", "other-org"));

        Answer answer = http.get("/v1/events/export?format=csv", acmeKey);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=audit_logs.csv");
        String[] lines = answer.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "id,timestamp,actor_id,actor_name,action,resource_type,resource_id,resource_name,organization_id");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",u2,Alice Liddell,invoice.sent,invoice,\"inv,2\",Invoice #1042," + acme)
                .endsWith("," + acme);
        assertThat(lines[2]).contains(",u1,'+SUM(A1:A2),invoice.created,invoice,\"'=HYPERLINK(\"\"http://evil\"\")\",")
                .endsWith("," + acme);
        assertThat(answer.body()).doesNotContain("other-org");
    }

    @Test
    void jsonExportIsAnArrayOfFlatEventsAgreeingWithTheList() {
        for (int i = 0; i < 3; i++) {
            post(acmeKey, event("u" + i, "invoice.created", "invoice", "i" + i));
        }
        post(globexKey, event("x", "invoice.created", "invoice", "other-org"));

        Answer answer = http.get("/v1/events/export?format=json&actor_id=u1", acmeKey);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode array = answer.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(1);
        assertThat(array.get(0)).isEqualTo(http.get("/v1/events?actor_id=u1", acmeKey).json().get("events").get(0));

        JsonNode all = http.get("/v1/events/export", acmeKey).json();
        assertThat(all.size()).isEqualTo(3);
        assertThat(fieldNames(all.get(0))).containsExactlyElementsOf(EVENT_FIELDS);
    }

    @Test
    void exportIsNotTakenForAnEventId() {
        Answer answer = http.get("/v1/events/export", acmeKey);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[]");
    }

    // ---- GET /v1/usage

    @Test
    void usageReportsThePlanAndThisMonthsCount() {
        post(acmeKey, event("u1", "invoice.created", "invoice", "i1"));
        post(acmeKey, event("u1", "invoice.created", "invoice", "i2"));

        Answer answer = http.get("/v1/usage", acmeKey);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(
                "{\"plan\":\"starter\",\"events_this_month\":2,\"events_limit\":500000,\"retention_days\":365}");
        assertThat(http.get("/v1/usage", globexKey).body()).isEqualTo(
                "{\"plan\":\"free\",\"events_this_month\":0,\"events_limit\":10000,\"retention_days\":14}");
    }

    @Test
    void overTheMonthlyLimitIngestionAnswers429AndReplaysStillSucceed() {
        String tiny = "tiny-" + UUID.randomUUID();
        String key = server.newKey(tiny, "tiny").secret();
        String firstKey = UUID.randomUUID().toString();
        assertThat(post(key, event("u", "a.b", "t", "1"), "Idempotency-Key", firstKey).status()).isEqualTo(201);
        assertThat(post(key, event("u", "a.b", "t", "2")).status()).isEqualTo(201);
        assertThat(post(key, event("u", "a.b", "t", "3")).status()).isEqualTo(201);

        Answer refused = post(key, event("u", "a.b", "t", "4"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.body()).isEqualTo("{\"error\":\"Monthly event limit of 3 reached for plan 'tiny'\"}");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

        assertThat(post(key, event("u", "a.b", "t", "1"), "Idempotency-Key", firstKey).status()).isEqualTo(200);
        assertThat(http.get("/v1/usage", key).body()).isEqualTo(
                "{\"plan\":\"tiny\",\"events_this_month\":3,\"events_limit\":3,\"retention_days\":1}");
        assertThat(http.get("/v1/events", key).json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void concurrentPostsAreEachCountedAndTogetherCannotPassTheLimit() throws Exception {
        String tiny = "tiny-" + UUID.randomUUID();
        String tinyKey = server.newKey(tiny, "tiny").secret();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> accepted = new ArrayList<>();
            List<java.util.concurrent.Future<Integer>> limited = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = event("u" + i, "invoice.created", "invoice", "c" + i);
                accepted.add(pool.submit(() -> post(acmeKey, body).status()));
                if (i < 12) {
                    limited.add(pool.submit(() -> post(tinyKey, body).status()));
                }
            }
            for (var status : accepted) {
                assertThat(status.get()).isEqualTo(201);
            }
            List<Integer> tinyStatuses = new ArrayList<>();
            for (var status : limited) {
                tinyStatuses.add(status.get());
            }
            assertThat(tinyStatuses).filteredOn(status -> status == 201).hasSize(3);
            assertThat(tinyStatuses).filteredOn(status -> status == 429).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get("/v1/usage", acmeKey).json().get("events_this_month").asLong()).isEqualTo(40);
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isEqualTo(40);
        assertThat(http.get("/v1/events", tinyKey).json().get("total").asLong()).isEqualTo(3);
    }

    // ---- Idempotency

    @Test
    void theSameIdempotencyKeyStoresOneEventAndAnswersItAgainWith200() {
        String idempotencyKey = UUID.randomUUID().toString();
        Answer first = post(acmeKey, event("u1", "invoice.created", "invoice", "i1"), "Idempotency-Key", idempotencyKey);
        Answer again = post(acmeKey, event("u1", "invoice.created", "invoice", "i1"), "Idempotency-Key", idempotencyKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.json().get("event").get("id").asString()).isEqualTo(idempotencyKey);
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/v1/usage", acmeKey).json().get("events_this_month").asLong()).isEqualTo(1);
    }

    @Test
    void aForeignNonUuidIdempotencyKeyDeduplicatesWithinItsOrganisationOnly() {
        Answer first = post(acmeKey, event("u1", "order.created", "order", "42"), "Idempotency-Key", "order-42-created");
        Answer again = post(acmeKey, event("u1", "order.created", "order", "42"), "Idempotency-Key", "order-42-created");
        Answer otherOrg = post(globexKey, event("u1", "order.created", "order", "42"), "Idempotency-Key",
                "order-42-created");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(otherOrg.status()).isEqualTo(201);
        assertThat(otherOrg.json().get("event").get("id")).isNotEqualTo(first.json().get("event").get("id"));
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/v1/events", globexKey).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void decimalMetadataKeepsEveryDigitItWasSent() {
        Answer answer = post(acmeKey, """
                {"actor":{"id":"u1"},"action":"invoice.paid","resource":{"type":"invoice","id":"i1"},\
                "metadata":{"amount":12345678901234567890.000000001,"rate":0.1,"nested":{"tiny":1.0E-30}}}""");

        assertThat(answer.status()).isEqualTo(201);
        String id = answer.json().get("event").get("id").asString();
        // Read as text: a client parsing the answer into doubles would round it again. (PostgreSQL's
        // jsonb keeps its own key order.)
        assertThat(http.get("/v1/events/" + id, acmeKey).body())
                .contains("\"amount\":12345678901234567890.000000001", "\"rate\":0.1");
        Map<String, Object> stored = server.bean(AuditStore.class).findById(acme, UUID.fromString(id)).orElseThrow()
                .metadata();
        assertThat(stored.get("amount")).isEqualTo(new BigDecimal("12345678901234567890.000000001"));
        assertThat((BigDecimal) ((Map<?, ?>) stored.get("nested")).get("tiny")).isEqualByComparingTo("1.0E-30");
    }

    @Test
    void theSinksEventIdInMetadataDeduplicatesWithoutTheHeader() {
        String eventId = UUID.randomUUID().toString();
        String body = event("u1", "invoice.created", "invoice", "i1").replace("\"metadata\":{",
                "\"metadata\":{\"_auditrail\":{\"event_id\":\"" + eventId + "\"},");
        assertThat(post(acmeKey, body).status()).isEqualTo(201);
        assertThat(post(acmeKey, body).status()).isEqualTo(200);
        assertThat(http.get("/v1/events/" + eventId, acmeKey).status()).isEqualTo(200);
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anEventIdTakenByAnotherOrganisationIsRefusedWithoutRevealingIt() {
        String id = UUID.randomUUID().toString();
        assertThat(post(globexKey, event("u1", "a.b", "t", "1"), "Idempotency-Key", id).status()).isEqualTo(201);
        Answer answer = post(acmeKey, event("u9", "x.y", "t", "2"), "Idempotency-Key", id);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).doesNotContain(globex).doesNotContain("u1");
        assertThat(http.get("/v1/usage", acmeKey).json().get("events_this_month").asLong()).isZero();
    }

    // ---- Authentication and errors

    @Test
    void requestsWithoutAValidKeyAre401() {
        Answer none = http.get("/v1/events", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"error\":\"Missing or invalid authorization header\"}");
        assertThat(http.send(http.request("/v1/events", null).header("Authorization", "Basic YTpi")).body())
                .isEqualTo("{\"error\":\"Missing or invalid authorization header\"}");
        assertThat(http.get("/v1/usage", "not-a-key").body()).isEqualTo("{\"error\":\"Invalid API key\"}");
        Answer unknown = post("al_" + "x".repeat(43), event("u", "a.b", "t", "1"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Invalid API key\"}");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        var issued = server.newKey(acme, null);
        assertThat(post(issued.secret(), event("u", "a.b", "t", "1")).status()).isEqualTo(201);

        Answer revoked = http.send(http.request("/admin/keys/" + issued.info().id(), TestServer.ADMIN_TOKEN).DELETE());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revoked_at").isNull()).isFalse();

        assertThat(post(issued.secret(), event("u", "a.b", "t", "2")).body()).isEqualTo("{\"error\":\"Invalid API key\"}");
        assertThat(http.get("/v1/events", issued.secret()).status()).isEqualTo(401);
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theAdminEndpointIssuesListsAndRevokesKeysBehindTheAdminToken() {
        String organization = "admin-" + UUID.randomUUID();
        String request = "{\"organization_id\":\"" + organization + "\",\"plan\":\"growth\",\"name\":\"ci\"}";
        assertThat(http.post("/admin/keys", null, request).status()).isEqualTo(401);
        Answer wrongToken = http.post("/admin/keys", TestServer.ADMIN_TOKEN + "x", request);
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body()).isEqualTo("{\"error\":\"Invalid admin token\"}");

        Answer created = http.post("/admin/keys", TestServer.ADMIN_TOKEN, request);
        assertThat(created.status()).isEqualTo(201);
        JsonNode key = created.json();
        assertThat(fieldNames(key)).containsExactly("id", "organization_id", "prefix", "name", "created_at",
                "revoked_at", "plan", "key");
        String secret = key.get("key").asString();
        assertThat(secret).matches("al_[A-Za-z0-9_-]{43}");
        assertThat(key.get("plan").asString()).isEqualTo("growth");
        assertThat(http.get("/v1/usage", secret).json().get("plan").asString()).isEqualTo("growth");

        Answer listed = http.send(http.request("/admin/keys?organization_id=" + organization, null)
                .header("Authorization", "bearer " + TestServer.ADMIN_TOKEN).GET());
        assertThat(listed.status()).as("the scheme name is case-insensitive").isEqualTo(200);
        assertThat(listed.json().get("keys").size()).isEqualTo(1);
        assertThat(listed.body()).doesNotContain(secret).contains(secret.substring(0, 10));

        assertThat(http.post("/admin/keys", TestServer.ADMIN_TOKEN, "{\"organization_id\":\"x\",\"plan\":\"gold\"}")
                .json().get("error").asString()).isEqualTo("plan must be one of [free, starter, growth, tiny] but was 'gold'");
        assertThat(http.send(http.request("/admin/keys/key_0000000000000000", TestServer.ADMIN_TOKEN).DELETE()).status())
                .isEqualTo(404);
    }

    @Test
    void malformedBodiesAndWrongRequestsAnswerJsonErrors() {
        Answer malformed = post(acmeKey, "{\"actor\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"error\":\"Malformed JSON body\"}");
        assertThat(post(acmeKey, "[1,2]").json().get("error").asString()).isEqualTo("Request body must be a JSON object");
        assertThat(post(acmeKey, "").status()).isEqualTo(400);

        Answer wrongType = http.send(http.request("/v1/events", acmeKey).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(event("u", "a.b", "t", "1"))));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.body()).isEqualTo("{\"error\":\"Content-Type must be application/json\"}");

        Answer wrongMethod = http.send(http.request("/v1/events", acmeKey).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"error\":\"Method not allowed\"}");

        Answer unknownPath = http.get("/v1/nothing-here", acmeKey);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.body()).isEqualTo("{\"error\":\"Not found\"}");
        Answer outsideApi = http.get("/index.html", null);
        assertThat(outsideApi.status()).isEqualTo(404);
        assertThat(outsideApi.body()).isEqualTo("{\"error\":\"Not found\"}");
    }

    @Test
    void anOversizeBodyIs413() {
        String big = event("u", "a.b", "t", "1").replace("\"metadata\":{", "\"metadata\":{\"blob\":\"" + "x".repeat(20_000) + "\",");
        Answer answer = post(acmeKey, big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Request body is larger than 16384 bytes\"}");

        Answer chunked = http.send(http.request("/v1/events", acmeKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isZero();
    }

    @Test
    void invalidIdentifiersAreRefusedAtTheBoundary() {
        Answer crlf = post(acmeKey, event("u\\r\\nforged", "a.b", "t", "1"));
        assertThat(crlf.status()).isEqualTo(400);
        assertThat(crlf.json().get("error").asString()).startsWith("actor.id contains control character");
        Answer notAnObject = post(acmeKey, event("u", "a.b", "t", "1").replace("\"metadata\":{\"ip\":\"192.0.2.1\",\"amount\":12.50}", "\"metadata\":[1]"));
        assertThat(notAnObject.json().get("error").asString()).isEqualTo("metadata must be a JSON object");
    }

    @Test
    void nonAsciiTextSurvivesEveryRead() {
        String name = "Zoë Ñandú 😀 文字";
        String id = post(acmeKey, event("u1", "invoice.created", "invoice", "i1").replace("Alice Liddell", name))
                .json().get("event").get("id").asString();
        assertThat(http.get("/v1/events/" + id, acmeKey).json().get("actor_name").asString()).isEqualTo(name);
        assertThat(http.get("/v1/events/export?format=json", acmeKey).json().get(0).get("actor_name").asString())
                .isEqualTo(name);
        assertThat(http.get("/v1/events/export?format=csv", acmeKey).body()).contains(",u1," + name + ",");
        assertThat(total("actor_name=" + q("ñandú"))).isEqualTo(1);
    }

    // ---- Injection

    @Test
    void sqlMetacharactersAndWildcardsAreBoundAsValues() {
        String hostile = "x' OR '1'='1";
        post(acmeKey, event("u1", "invoice.created", "invoice", "'); DROP TABLE audit_events;--"));
        post(acmeKey, event("100%", "discount.applied", "discount", "d1").replace("Alice Liddell", "50%_off"));
        post(acmeKey, event("u2", "plain.thing", "thing", "t1").replace("Alice Liddell", "500 off"));

        assertThat(total("actor_id=" + q(hostile))).isZero();
        assertThat(total("search=" + q(hostile))).isZero();
        assertThat(total("actor_name=" + q("%"))).isEqualTo(1);
        assertThat(total("actor_name=" + q("0%_"))).isEqualTo(1);
        assertThat(total("actor_name=" + q("_"))).isEqualTo(1);
        assertThat(total("actor_id=" + q("100%"))).isEqualTo(1);
        assertThat(total("action=" + q("%"))).isZero();
        assertThat(http.get("/v1/events?resource_type=" + q("invoice' --"), acmeKey).json().get("total").asLong()).isZero();

        JsonNode stored = http.get("/v1/events?resource_type=invoice", acmeKey).json().get("events").get(0);
        assertThat(stored.get("resource_id").asString()).isEqualTo("'); DROP TABLE audit_events;--");
        assertThat(total("")).isEqualTo(3);
    }

    // ---- Retention

    @Test
    void eachOrganisationKeepsEventsForItsPlansRetention() {
        String old = "\"timestamp\":\"" + Instant.now().minus(30, ChronoUnit.DAYS) + "\",\"metadata\"";
        post(globexKey, event("u", "a.b", "t", "old").replace("\"metadata\"", old));
        post(globexKey, event("u", "a.b", "t", "new"));
        post(acmeKey, event("u", "a.b", "t", "old").replace("\"metadata\"", old));

        server.bean(PlanRetentionJob.class).purgeOnce();

        JsonNode free = http.get("/v1/events", globexKey).json();
        assertThat(free.get("total").asLong()).isEqualTo(1);
        assertThat(free.get("events").get(0).get("resource_id").asString()).isEqualTo("new");
        assertThat(http.get("/v1/events", acmeKey).json().get("total").asLong()).isEqualTo(1);
    }
}
