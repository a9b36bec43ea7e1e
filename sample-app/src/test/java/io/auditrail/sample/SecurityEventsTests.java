package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Logins, failed logins and logouts as the organisation's admin sees them in the read endpoints. */
@SampleAppTest
class SecurityEventsTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditStore store;

    private static List<JsonNode> events(SampleClient client, String query) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        client.json(client.get("/audit/events?limit=1000" + query)).get("events").forEach(events::add);
        return events;
    }

    private static int count(SampleClient client, String query) throws Exception {
        return events(client, query).size();
    }

    @Test
    void theAdminSeesFailedLoginsAndLogoutsOfTheirMembersAndTheOtherAdminDoesNot() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        SampleClient grace = SampleClient.loggedIn(port, "grace");
        int failedBefore = count(alice, "&action=user.login.failed&resource_id=bob");
        int logoutsBefore = count(alice, "&action=user.logout&actor_id=bob");

        new SampleClient(port).login("bob", "not-bobs-password");
        SampleClient bob = SampleClient.loggedIn(port, "bob");
        bob.send("POST", "/logout", null);

        assertThat(events(alice, "&action=user.login.failed&resource_id=bob")).hasSize(failedBefore + 1)
                .allSatisfy(event -> assertThat(event.get("organization_id").asString()).isEqualTo("acme"));
        assertThat(events(alice, "&action=user.logout&actor_id=bob")).hasSize(logoutsBefore + 1)
                .allSatisfy(event -> assertThat(event.get("organization_id").asString()).isEqualTo("acme"));
        assertThat(events(grace, "&resource_id=bob")).isEmpty();
    }

    @Test
    void aFailedLoginForAnUnknownNameIsUnattributedAndNoTenantSeesIt() throws Exception {
        String nobody = "nobody-" + UUID.randomUUID();

        new SampleClient(port).login(nobody, "guess");

        assertThat(store.query(AuditQuery.builder().organizationId("_unattributed").resourceId(nobody).build())
                .events()).singleElement().satisfies(event -> assertThat(event.action()).isEqualTo("user.login.failed"));
        assertThat(events(SampleClient.loggedIn(port, "alice"), "&resource_id=" + nobody)).isEmpty();
        assertThat(events(SampleClient.loggedIn(port, "grace"), "&resource_id=" + nobody)).isEmpty();
    }
}
