package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The starter's read endpoints as the sample's users see them: scoped by the membership table. */
@SampleAppTest
class ReadScopingTests {

    @LocalServerPort
    int port;

    private static List<JsonNode> events(SampleClient client, String query) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        client.json(client.get("/audit/events?limit=1000" + query)).get("events").forEach(events::add);
        return events;
    }

    private static String createInvoice(SampleClient client, String customer) throws Exception {
        return client.json(client.send("POST", "/api/invoices", Map.of("customer", customer, "amountCents", 100)))
                .get("id").asString();
    }

    private static String eventIdAbout(SampleClient admin, String resourceId) throws Exception {
        return events(admin, "&resource_id=" + resourceId).get(0).get("id").asString();
    }

    @Test
    void aQueryThatIsNotUtf8NamesItsParameterBehindSpringSecurity() throws Exception {
        HttpResponse<String> answer = SampleClient.loggedIn(port, "alice").get("/audit/events?search=%FF%FE");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(SampleClient.JSON.readTree(answer.body()).get("error").asString())
                .isEqualTo("parameter 'search' is not valid UTF-8 once percent-decoded");
    }

    @Test
    void aMemberReadsOnlyTheirOwnEvents() throws Exception {
        SampleClient bob = SampleClient.loggedIn(port, "bob");
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        createInvoice(bob, "Bob's customer");
        createInvoice(alice, "Alice's customer");

        List<JsonNode> seen = events(bob, "");

        assertThat(seen).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("actor").get("id").asString()).isEqualTo("bob");
            assertThat(event.get("organization_id").asString()).isEqualTo("acme");
        });
    }

    @Test
    void anAdminReadsTheWholeOrganisationAndNothingOfTheOther() throws Exception {
        SampleClient bob = SampleClient.loggedIn(port, "bob");
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        SampleClient gus = SampleClient.loggedIn(port, "gus");
        String bobs = createInvoice(bob, "for the admin view");
        String guss = createInvoice(gus, "globex only");

        List<JsonNode> seen = events(alice, "");

        assertThat(seen).allSatisfy(event -> assertThat(event.get("organization_id").asString()).isEqualTo("acme"));
        assertThat(seen).extracting(event -> event.get("resource").get("id").asString()).contains(bobs)
                .doesNotContain(guss);
        assertThat(events(alice, "&actor_id=bob")).isNotEmpty()
                .allSatisfy(event -> assertThat(event.get("actor").get("id").asString()).isEqualTo("bob"));
    }

    @Test
    void guessingAnotherOrganisationsEventIdFindsNothing() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        String eventId = eventIdAbout(alice, createInvoice(alice, "secret customer"));
        SampleClient grace = SampleClient.loggedIn(port, "grace");

        HttpResponse<String> guess = grace.get("/audit/events/" + eventId);

        assertThat(guess.statusCode()).isEqualTo(404);
        assertThat(guess.body()).doesNotContain("secret customer");
        assertThat(alice.get("/audit/events/" + eventId).statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberCannotOpenAColleaguesEvent() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        String eventId = eventIdAbout(alice, createInvoice(alice, "colleague's"));
        SampleClient bob = SampleClient.loggedIn(port, "bob");

        assertThat(bob.get("/audit/events/" + eventId).statusCode()).isEqualTo(404);
        assertThat(bob.get("/audit/events?actor_id=alice").statusCode()).isEqualTo(403);
    }

    @Test
    void aDemotedAdminLosesTheOrganisationWideViewAtOnce() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        String memberId = "mem_acme_bob";
        alice.json(alice.send("PUT", "/api/members/" + memberId + "/role", Map.of("role", "ADMIN")));
        SampleClient bob = SampleClient.loggedIn(port, "bob");
        assertThat(events(bob, "&actor_id=alice")).isNotEmpty();

        alice.json(alice.send("PUT", "/api/members/" + memberId + "/role", Map.of("role", "MEMBER")));

        assertThat(bob.get("/audit/events?actor_id=alice").statusCode()).isEqualTo(403);
    }

    @Test
    void anonymousCallersAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = new SampleClient(port).get("/audit/events");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theViewerCanBeFramedByTheAppsOwnPages() throws Exception {
        HttpResponse<String> viewer = SampleClient.loggedIn(port, "bob").get("/audit/ui/");

        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }
}
