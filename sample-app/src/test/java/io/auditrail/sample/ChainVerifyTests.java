package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.core.tlog.LogExportLine;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The sample's log as its users see it: admins verify and export their organisation's log,
 * members may not; anyone gets the proof of an event they may read, and no other.
 */
@SampleAppTest
class ChainVerifyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcAuditChain chain;

    @Test
    void anAdminVerifiesTheOrganisationsChainAndAMemberIsRefused() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        alice.send("POST", "/api/invoices", Map.of("customer", "chained", "amountCents", 100));
        chain.sealPending();

        JsonNode result = alice.json(alice.get("/audit/chain/verify"));

        assertThat(result.get("organization_id").asString()).isEqualTo("acme");
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("leaves_checked").asLong()).isPositive();
        assertThat(SampleClient.loggedIn(port, "bob").get("/audit/chain/verify").statusCode()).isEqualTo(403);
    }

    @Test
    void anEventsProofIsServedToWhoMayReadItAndTheExportToAdmins() throws Exception {
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        alice.send("POST", "/api/invoices", Map.of("customer", "proven", "amountCents", 100));
        String eventId = alice.json(alice.get("/audit/events?action=invoice.created&limit=1")).get("events").get(0)
                .get("id").asString();
        chain.sealPending();
        chain.writeCheckpoints();

        HttpResponse<String> proof = alice.get("/audit/events/" + eventId + "/proof");
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        JsonNode body = alice.json(proof);
        assertThat(body.get("verification").get("verified").asBoolean()).as(proof.body()).isTrue();
        assertThat(body.get("checkpoint").asString()).startsWith("sample.auditrail.local/org/acme\n");
        assertThat(SampleClient.loggedIn(port, "bob").get("/audit/events/" + eventId + "/proof").statusCode())
                .isEqualTo(404);

        HttpResponse<String> export = alice.get("/audit/chain/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().map(LogExportLine::parse)).anySatisfy(line ->
                assertThat(line.event().id()).hasToString(eventId));
    }
}
