package io.auditrail.core.web.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read endpoints and the viewer over real HTTP, one suite for every framework module: the
 * Spring Boot starter and the Micronaut module each run it against their own server with
 * {@code auditrail.web.enabled=true}, a real store, and these users over HTTP Basic:
 * <ul>
 *   <li>{@code alice}, a member of {@code acme};</li>
 *   <li>{@code anna}, an admin of {@code acme} (the {@code ROLE_AUDIT_ADMIN} authority);</li>
 *   <li>{@code gus}, an admin of {@code globex};</li>
 *   <li>{@code drifter}, in no organisation.</li>
 * </ul>
 * The endpoints must be reachable without credentials, so that their own 401 is what an
 * anonymous caller gets.
 */
public abstract class AbstractReadEndpointsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditEventCodec codec = new AuditEventCodec();

    /**
     * The server's port on localhost.
     *
     * @return the port
     */
    protected abstract int port();

    /**
     * Empties the store the endpoints read and writes these events to it.
     *
     * @param events the events of this test
     */
    protected abstract void replaceEvents(List<AuditEvent> events);

    /**
     * A user's password.
     *
     * @param user the user name
     * @return the password; {@code pw} unless overridden
     */
    protected String password(String user) {
        return "pw";
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AuditEvent aliceCreated;
    private AuditEvent annaChangedRole;
    private AuditEvent aliceFailedDelete;
    private AuditEvent gusCreated;

    @BeforeEach
    void seed() {
        aliceCreated = event("acme", "alice", "invoice.created", Resource.of("invoice", "inv-1"),
                "2026-11-01T10:00:00Z", Outcome.success());
        annaChangedRole = event("acme", "anna", "member.role.changed", Resource.of("member", "alice"),
                "2026-11-02T10:00:00Z", Outcome.success());
        aliceFailedDelete = event("acme", "alice", "invoice.deleted", Resource.of("invoice", "inv-1"),
                "2026-11-03T10:00:00Z", Outcome.failure("java.lang.IllegalStateException", null));
        gusCreated = event("globex", "gus", "invoice.created", Resource.of("invoice", "inv-9"),
                "2026-11-02T12:00:00Z", Outcome.success());
        replaceEvents(List.of(aliceCreated, annaChangedRole, aliceFailedDelete, gusCreated));
    }

    private static AuditEvent event(String org, String actor, String action, Resource resource, String at,
            Outcome outcome) {
        return AuditEvent.builder().organizationId(org).actor(Actor.user(actor, actor.toUpperCase(), null))
                .action(action).resource(resource).timestamp(Instant.parse(at)).outcome(outcome).build();
    }

    private HttpResponse<String> get(String user, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + pathAndQuery));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).get("events").forEach(event -> ids.add(event.get("id").asString()));
        return ids;
    }

    private static String id(AuditEvent event) {
        return event.id().toString();
    }

    private static String error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("error").asString();
    }

    @Test
    void aMemberSeesOnlyTheEventsTheyPerformed() throws Exception {
        HttpResponse<String> response = get("alice", "/audit/events");

        assertThat(ids(response)).containsExactly(id(aliceFailedDelete), id(aliceCreated));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("total").asLong()).isEqualTo(2);
        assertThat(body.get("limit").asInt()).isEqualTo(20);
        assertThat(body.get("next_cursor").isNull()).isTrue();
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void eventsAreWrittenInTheCoreJsonForm() throws Exception {
        JsonNode first = JSON.readTree(get("alice", "/audit/events?limit=1").body()).get("events").get(0);

        assertThat(codec.fromJson(first.toString())).isEqualTo(aliceFailedDelete);
    }

    @Test
    void aMemberCannotAskForAnotherActorsEvents() throws Exception {
        HttpResponse<String> response = get("alice", "/audit/events?actor_id=anna");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response)).contains("actor_id");
    }

    @Test
    void anAdminSeesTheirWholeOrganisationAndNothingElse() throws Exception {
        assertThat(ids(get("anna", "/audit/events")))
                .containsExactly(id(aliceFailedDelete), id(annaChangedRole), id(aliceCreated));
        assertThat(ids(get("gus", "/audit/events"))).containsExactly(id(gusCreated));
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(ids(get("anna", "/audit/events?action=invoice.*&outcome=failure")))
                .containsExactly(id(aliceFailedDelete));
        assertThat(ids(get("anna", "/audit/events?actor_id=alice&resource_id=inv-1&resource_type=invoice")))
                .containsExactly(id(aliceFailedDelete), id(aliceCreated));
        assertThat(ids(get("anna", "/audit/events?search=role"))).containsExactly(id(annaChangedRole));
        assertThat(ids(get("anna", "/audit/events?actor_name=ann"))).containsExactly(id(annaChangedRole));
    }

    @Test
    void aBareDateCoversTheWholeUtcDayAndInstantsAreExact() throws Exception {
        assertThat(ids(get("anna", "/audit/events?from=2026-11-02&to=2026-11-02"))).containsExactly(id(annaChangedRole));
        assertThat(ids(get("anna", "/audit/events?start_date=2026-11-02T10:00:00.000001Z")))
                .containsExactly(id(aliceFailedDelete));
        assertThat(ids(get("anna", "/audit/events?end_date=2026-11-01T10:00:00Z"))).containsExactly(id(aliceCreated));
    }

    @Test
    void aCursorWalksEveryPageOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        String path = "/audit/events?limit=2";
        JsonNode page = JSON.readTree(get("anna", path).body());
        page.get("events").forEach(event -> seen.add(event.get("id").asString()));
        String cursor = page.get("next_cursor").asString();

        JsonNode next = JSON.readTree(get("anna", path + "&cursor=" + cursor).body());
        next.get("events").forEach(event -> seen.add(event.get("id").asString()));

        assertThat(seen).containsExactly(id(aliceFailedDelete), id(annaChangedRole), id(aliceCreated));
        assertThat(next.get("next_cursor").isNull()).isTrue();
        assertThat(next.get("total").asLong()).isEqualTo(3);

        JsonNode uncounted = JSON.readTree(get("anna", path + "&cursor=" + cursor + "&total=false").body());
        assertThat(uncounted.has("total")).as("total=false leaves the count out").isFalse();
        assertThat(uncounted.get("events")).isEqualTo(next.get("events"));
    }

    @Test
    void getByIdHonoursTheScope() throws Exception {
        HttpResponse<String> own = get("alice", "/audit/events/" + id(aliceCreated));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(codec.fromJson(own.body())).isEqualTo(aliceCreated);

        assertThat(get("anna", "/audit/events/" + id(aliceCreated)).statusCode()).isEqualTo(200);
        assertThat(get("alice", "/audit/events/" + id(annaChangedRole)).statusCode()).isEqualTo(404);
    }

    @Test
    void guessingAnotherOrganisationsEventIdFindsNothing() throws Exception {
        HttpResponse<String> response = get("gus", "/audit/events/" + id(aliceCreated));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("alice").doesNotContain("inv-1");
    }

    @Test
    void theOrganisationCannotBeChosenByTheClient() throws Exception {
        HttpResponse<String> response = get("gus", "/audit/events?organization_id=acme");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("organization_id");
    }

    @Test
    void withoutCredentialsTheAnswerIs401AndWithoutAnOrganisation403() throws Exception {
        HttpResponse<String> anonymous = get(null, "/audit/events");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(error(anonymous)).contains("authentication");

        assertThat(get("drifter", "/audit/events").statusCode()).isEqualTo(403);
        assertThat(get("drifter", "/audit/usage").statusCode()).isEqualTo(403);
    }

    @Test
    void badParametersAre400sNamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "start_date=yesterday", "start_date",
                "to=2026-13-01", "to",
                "limit=lots", "limit",
                "limit=5000", "limit",
                "offset=-1", "offset",
                "outcome=maybe", "outcome",
                "cursor=bogus", "cursor",
                "acton=invoice.created", "acton",
                "limit=1&limit=2", "limit",
                "start_date=2026-11-03&end_date=2026-11-01", "end_date");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = get("anna", "/audit/events?" + c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(error(response)).as(c.getKey()).contains(c.getValue());
        }
        HttpResponse<String> badTotal = get("anna", "/audit/events?total=maybe");
        assertThat(badTotal.statusCode()).isEqualTo(400);
        assertThat(error(badTotal)).isEqualTo("total must be true or false but was 'maybe'");
        HttpResponse<String> badId = get("anna", "/audit/events/not-a-uuid");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(error(badId)).contains("id");
        HttpResponse<String> badFormat = get("anna", "/audit/events/export?format=xml");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(error(badFormat)).contains("format");
    }

    @Test
    void exportsAreScopedAttachments() throws Exception {
        HttpResponse<String> csv = get("anna", "/audit/events/export?format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-events.csv\"");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(4).first().asString().startsWith("id,");
        assertThat(csv.body()).contains(id(aliceCreated), id(annaChangedRole)).doesNotContain(id(gusCreated));

        HttpResponse<String> json = get("alice", "/audit/events/export?format=json&action=invoice.created");
        assertThat(json.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-events.json\"");
        JsonNode array = JSON.readTree(json.body());
        assertThat(array.size()).isEqualTo(1);
        assertThat(array.get(0).get("id").asString()).isEqualTo(id(aliceCreated));

        HttpResponse<String> lines = get("alice", "/audit/events/export?format=jsonl");
        assertThat(lines.body().lines()).hasSize(2);
    }

    @Test
    void usageIsTheAdminsOrganisation() throws Exception {
        HttpResponse<String> response = get("anna", "/audit/usage");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode usage = JSON.readTree(response.body());
        assertThat(usage.get("organization_id").asString()).isEqualTo("acme");
        assertThat(usage.get("month").asString()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(usage.get("events_this_month").isNumber()).isTrue();
    }

    @Test
    void aMemberMayNotReadTheOrganisationsUsage() throws Exception {
        HttpResponse<String> response = get("alice", "/audit/usage");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("error").asString())
                .isEqualTo("only organisation admins may read the usage");
    }

    @Test
    void theViewerIsServedUnderTheBasePath() throws Exception {
        HttpResponse<String> page = get("alice", "/audit/ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Audit trail</title>", "viewer.js");

        HttpResponse<String> redirect = get("alice", "/audit/ui");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("ui/"));

        assertThat(get("alice", "/audit/ui/viewer.js").body()).contains("textContent");
        assertThat(get("alice", "/audit/ui/viewer.css").statusCode()).isEqualTo(200);
        assertThat(get("alice", "/audit/ui/secrets.js").statusCode()).isEqualTo(404);
    }
}
