package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each demo user performs audited actions over real HTTP; the stored events are checked field by field. */
@SampleAppTest
class AuditedActionsTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditStore store;

    @Autowired
    AuditEventCodec codec;

    /** An organisation's events about one resource, oldest first. */
    private List<AuditEvent> events(String organizationId, String resourceId) {
        List<AuditEvent> events = new ArrayList<>(store.query(AuditQuery.builder().organizationId(organizationId)
                .resourceId(resourceId).limit(100).build()).events());
        Collections.reverse(events);
        return events;
    }

    private static void assertFrom(AuditEvent event, String organizationId, String actorId, String actorName) {
        assertThat(event.organizationId()).isEqualTo(organizationId);
        assertThat(event.actor().id()).isEqualTo(actorId);
        assertThat(event.actor().name()).isEqualTo(actorName);
        assertThat(event.actor().type()).isEqualTo(ActorType.USER);
        assertThat(event.context().ip()).isEqualTo("127.0.0.1");
        assertThat(event.context().userAgent()).isEqualTo(SampleClient.USER_AGENT);
    }

    @Test
    void anAdminsInvoiceLifecycleIsRecordedEventByEvent() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");

        JsonNode invoice = alice.json(alice.send("POST", "/api/invoices",
                Map.of("customer", "Initech", "amountCents", 1234)));
        String id = invoice.get("id").asString();
        alice.json(alice.send("PUT", "/api/invoices/" + id, Map.of("customer", "Initech", "amountCents", 2000)));
        alice.json(alice.send("POST", "/api/invoices/" + id + "/send", null));
        assertThat(alice.send("DELETE", "/api/invoices/" + id, null).statusCode()).isEqualTo(204);

        List<AuditEvent> events = events("acme", id);
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("invoice.created", "invoice.updated", "invoice.sent", "invoice.deleted");
        events.forEach(event -> {
            assertFrom(event, "acme", "alice", "Alice Admin");
            assertThat(event.actor().email()).isEqualTo("alice@acme.example");
            assertThat(event.resource().type()).isEqualTo("invoice");
            assertThat(event.outcome().isSuccess()).isTrue();
        });
        assertThat(events.get(0).resource().name()).isEqualTo(invoice.get("number").asString());
        assertThat(events.get(0).metadata()).containsEntry("customer", "Initech").containsEntry("amount_cents", 1234L);
        assertThat(events.get(1).metadata().get("old")).asInstanceOf(MAP)
                .containsEntry("amountCents", 1234L);
        assertThat(events.get(1).metadata().get("new")).asInstanceOf(MAP)
                .containsEntry("amountCents", 2000L);
    }

    @Test
    void aMembersActionCarriesTheirOwnOrganisation() throws Exception {
        SampleClient gus = SampleClient.loggedIn(port, "gus");

        String id = gus.json(gus.send("POST", "/api/invoices", Map.of("customer", "Sprockets", "amountCents", 500)))
                .get("id").asString();

        assertThat(events("globex", id)).singleElement().satisfies(event -> {
            assertFrom(event, "globex", "gus", "Gus Member");
            assertThat(event.action()).isEqualTo("invoice.created");
        });
        assertThat(events("acme", id)).isEmpty();
    }

    @Test
    void deletingAnotherOrganisationsInvoiceFailsAndTheAttemptIsRecordedInTheCallersOrganisation() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        String acmeInvoice = alice.json(alice.send("POST", "/api/invoices",
                Map.of("customer", "Target", "amountCents", 700))).get("id").asString();
        SampleClient grace = SampleClient.loggedIn(port, "grace");

        HttpResponse<String> attempt = grace.send("DELETE", "/api/invoices/" + acmeInvoice, null);

        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(alice.get("/api/invoices").body()).contains(acmeInvoice);
        assertThat(events("globex", acmeInvoice)).singleElement().satisfies(event -> {
            assertFrom(event, "globex", "grace", "Grace Admin");
            assertThat(event.action()).isEqualTo("invoice.deleted");
            assertThat(event.outcome().isSuccess()).isFalse();
            assertThat(event.outcome().errorType()).isEqualTo(NotFoundException.class.getName());
        });
        assertThat(events("acme", acmeInvoice)).extracting(AuditEvent::action).containsExactly("invoice.created");
    }

    @Test
    void aFailedLoginIsRecordedWithTheAttemptedNameAndNeverThePassword() throws Exception {
        String attempted = "mallory-" + UUID.randomUUID();

        HttpResponse<String> login = new SampleClient(port).login(attempted, "guess-123");

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        AuditEvent event = store.query(AuditQuery.builder().action("user.login.failed").resourceId(attempted).build())
                .events().get(0);
        assertThat(event.actor().type()).isEqualTo(ActorType.ANONYMOUS);
        assertThat(event.resource().type()).isEqualTo("user");
        assertThat(event.outcome().isSuccess()).isFalse();
        assertThat(event.context().ip()).isEqualTo("127.0.0.1");
        assertThat(codec.toJson(event)).doesNotContain("guess-123");
    }

    @Test
    void aMemberIsDeniedAdminActionsAndTheDenialIsRecorded() throws Exception {
        SampleClient bob = SampleClient.loggedIn(port, "bob");

        HttpResponse<String> denied = bob.send("POST", "/api/api-keys", Map.of("name", "sneaky"));

        assertThat(denied.statusCode()).isEqualTo(403);
        List<AuditEvent> denials = store.query(AuditQuery.builder().organizationId("acme").actorId("bob")
                .action("access.denied").build()).events();
        assertThat(denials).first().satisfies(event -> {
            assertFrom(event, "acme", "bob", "Bob Member");
            assertThat(event.resource().id()).isEqualTo("POST /api/api-keys");
            assertThat(event.outcome().isSuccess()).isFalse();
        });
    }

    @Test
    void invitationAcceptanceRoleChangeAndRemovalAreRecorded() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        String email = "carol-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        String username = email.substring(0, email.indexOf('@'));
        JsonNode invitation = alice.json(alice.send("POST", "/api/members/invitations",
                Map.of("email", email, "role", "MEMBER")));
        String memberId = invitation.get("member").get("id").asString();

        SampleClient invitee = new SampleClient(port);
        invitee.json(invitee.send("POST", "/invitations/" + invitation.get("token").asString() + "/accept",
                Map.of("username", username, "displayName", "Carol", "password", "correct-horse")));
        alice.json(alice.send("PUT", "/api/members/" + memberId + "/role", Map.of("role", "ADMIN")));
        SampleClient.loggedIn(port, username, "correct-horse");
        assertThat(alice.send("DELETE", "/api/members/" + memberId + "?reason=left", null).statusCode()).isEqualTo(204);

        List<AuditEvent> events = events("acme", memberId);
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("member.invited", "member.accepted", "member.role.changed", "member.removed");
        assertFrom(events.get(0), "acme", "alice", "Alice Admin");
        assertThat(events.get(0).resource().name()).isEqualTo(email);
        assertThat(events.get(0).metadata()).containsEntry("role", "MEMBER");
        assertThat(codec.toJson(events.get(0))).doesNotContain(invitation.get("token").asString());
        assertThat(events.get(1).actor().type()).isEqualTo(ActorType.ANONYMOUS);
        assertThat(events.get(1).organizationId()).isEqualTo("acme");
        assertThat(events.get(1).resource().name()).isEqualTo(username);
        assertFrom(events.get(2), "acme", "alice", "Alice Admin");
        assertThat(events.get(2).metadata()).containsEntry("old", "MEMBER").containsEntry("new", "ADMIN");
        assertThat(events.get(3).metadata()).containsEntry("reason", "left");
        assertThat(alice.get("/api/members").body()).doesNotContain(email);
        assertThat(events("acme", username)).extracting(AuditEvent::action).containsExactly("user.login");
    }

    @Test
    void apiKeysAndSettingsAreRecordedWithoutTheSecret() throws Exception {
        SampleClient grace = SampleClient.loggedIn(port, "grace");

        JsonNode created = grace.json(grace.send("POST", "/api/api-keys", Map.of("name", "billing export")));
        String keyId = created.get("key").get("id").asString();
        assertThat(grace.send("DELETE", "/api/api-keys/" + keyId, null).statusCode()).isEqualTo(204);
        grace.json(grace.send("PUT", "/api/settings",
                Map.of("name", "Globex Corporation", "invoicePrefix", "GLX", "currency", "EUR")));

        List<AuditEvent> keyEvents = events("globex", keyId);
        assertThat(keyEvents).extracting(AuditEvent::action).containsExactly("api_key.created", "api_key.revoked");
        keyEvents.forEach(event -> assertFrom(event, "globex", "grace", "Grace Admin"));
        assertThat(keyEvents.get(0).resource().name()).isEqualTo("billing export");
        assertThat(codec.toJson(keyEvents.get(0))).doesNotContain(created.get("secret").asString());

        AuditEvent settings = events("globex", "globex").get(events("globex", "globex").size() - 1);
        assertThat(settings.action()).isEqualTo("settings.updated");
        assertThat(settings.resource().type()).isEqualTo("organization");
        assertThat(settings.metadata().get("before")).asInstanceOf(MAP)
                .containsEntry("invoicePrefix", "GLX");
        assertThat(settings.metadata().get("after")).asInstanceOf(MAP)
                .containsEntry("name", "Globex Corporation");
    }

    @Test
    void anInvoiceExportIsRecordedWithItsSize() throws Exception {
        SampleClient bob = SampleClient.loggedIn(port, "bob");
        int invoices = bob.json(bob.get("/api/invoices")).size();

        HttpResponse<String> export = bob.get("/api/invoices/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"invoices-acme.csv\"");
        assertThat(export.body().lines()).hasSize(invoices + 1).first().isEqualTo("number,customer,amount_cents,status");
        AuditEvent event = store.query(AuditQuery.builder().organizationId("acme").actorId("bob")
                .action("invoice.exported").build()).events().get(0);
        assertFrom(event, "acme", "bob", "Bob Member");
        assertThat(event.resource().type()).isEqualTo("invoice_export");
        assertThat(event.resource().id()).isEqualTo("invoices-acme.csv");
        assertThat(event.metadata()).containsEntry("count", (long) invoices);
    }
}
