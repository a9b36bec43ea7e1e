package io.auditrail.spring.web.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogOrigin;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The proof endpoint on a real H2 log: scoped like reading an event, checked by the server, offline-checkable. */
class AuditProofControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final NoteSigner signer;
    private final JdbcAuditChain chain;
    private final JdbcAuditStore store;
    private final AuditProofController controller;
    private final AuditEvent alices = event("acme", "alice");
    private final AuditEvent annas = event("acme", "anna");
    private final AuditEvent gus = event("globex", "gus");

    AuditProofControllerTests() throws Exception {
        dataSource.setURL("jdbc:h2:mem:proof-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        signer = NoteSigner.ed25519("audit.example", KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPrivate());
        chain = JdbcAuditChain.builder(dataSource).originPrefix("audit.example").noteSigner(signer)
                .noteVerifier(signer.verifier()).build();
        store = JdbcAuditStore.builder(dataSource).chain(chain).build();
        store.write(List.of(alices, annas, gus));
        chain.sealPending();
        chain.writeCheckpoints();
        controller = new AuditProofController(chain, store, authentication -> Optional.of(new AuditReadScope(
                authentication.getName().equals("gus") ? "globex" : "acme", authentication.getName(),
                authentication.getName().equals("anna"))), LeafHasher.sha256(), signer.verifier(), "audit.example");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMemberGetsTheProofOfTheirOwnEventCheckedByTheServerAndOffline() {
        login("alice");
        ResponseEntity<String> response = proof(alices.id().toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("sealed").asBoolean()).isTrue();
        assertThat(body.get("tree_size").asLong()).isEqualTo(2);
        assertThat(body.get("verification").get("verified").asBoolean()).as(response.getBody()).isTrue();
        assertThat(body.get("verification").get("key_name").asString()).isEqualTo("audit.example");
        assertThat(body.get("checkpoint").asString()).startsWith(LogOrigin.of("audit.example", "acme").value() + "\n2\n");
        InclusionProofBundle bundle = InclusionProofBundle.parse(response.getBody());
        assertThat(bundle.event()).isEqualTo(alices);
        assertThat(bundle.verify(LeafHasher.sha256(), signer.verifier(), "audit.example").intact()).isTrue();
    }

    @Test
    void anEventOutsideTheCallersScopeIsA404LikeAnUnknownOne() {
        login("alice");
        assertThat(status(() -> proof(annas.id().toString()))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(() -> proof(gus.id().toString()))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(() -> proof(UUID.randomUUID().toString()))).isEqualTo(HttpStatus.NOT_FOUND);
        login("anna");
        assertThat(proof(annas.id().toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(proof(alices.id().toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(() -> proof(gus.id().toString()))).isEqualTo(HttpStatus.NOT_FOUND);
        SecurityContextHolder.clearContext();
        assertThat(status(() -> proof(alices.id().toString()))).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anEventNotYetInASignedCheckpointIsA409WithSealedFalse() {
        AuditEvent late = event("acme", "alice");
        store.write(List.of(late));
        login("alice");
        ResponseEntity<String> unsealed = proof(late.id().toString());
        assertThat(unsealed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(JSON.readTree(unsealed.getBody()).get("sealed").asBoolean()).isFalse();
        assertThat(JSON.readTree(unsealed.getBody()).get("error").asString()).contains("not in a signed checkpoint yet");

        chain.sealPending();
        assertThat(proof(late.id().toString()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        chain.writeCheckpoints();
        assertThat(proof(late.id().toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRowChangedAfterSealingIsServedButNotVerified() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_events SET action = 'invoice.viewed' WHERE event_id = '"
                    + alices.id() + "'");
        }
        login("alice");
        JsonNode verification = JSON.readTree(proof(alices.id().toString()).getBody()).get("verification");
        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("problem").asString()).startsWith("MODIFIED");
    }

    @Test
    void badIdsAndParametersAreBadRequests() {
        login("alice");
        assertThatThrownBy(() -> proof("not-a-uuid")).isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("id must be a UUID but was 'not-a-uuid'");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit/events/x/proof");
        request.setQueryString("leaf=1");
        assertThatThrownBy(() -> controller.proof(alices.id().toString(), request))
                .hasMessageStartingWith("unknown parameter 'leaf'");
    }

    private ResponseEntity<String> proof(String id) {
        return controller.proof(id, new MockHttpServletRequest("GET", "/audit/events/" + id + "/proof"));
    }

    private HttpStatus status(Runnable call) {
        try {
            call.run();
        } catch (AuditReadException e) {
            return e.status();
        }
        throw new AssertionError("expected a refusal");
    }

    private static AuditEvent event(String organization, String actor) {
        return AuditEvent.builder().organizationId(organization).timestamp(Instant.now())
                .actor(Actor.user(actor, null, null)).action("invoice.created")
                .resource(Resource.of("invoice", "inv-1")).build();
    }

    private static void login(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                "n/a", AuthorityUtils.NO_AUTHORITIES));
    }
}
