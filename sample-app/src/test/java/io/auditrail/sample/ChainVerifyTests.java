package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The sample's chain as its users see it: admins verify their organisation's chain, members may not. */
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
}
