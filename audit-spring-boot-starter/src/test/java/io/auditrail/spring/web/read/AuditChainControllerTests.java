package io.auditrail.spring.web.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditChainControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcAuditChain chain;
    private final JdbcAuditStore store;
    private final AuditChainController controller;

    AuditChainControllerTests() throws Exception {
        dataSource.setURL("jdbc:h2:mem:chain-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        chain = JdbcAuditChain.builder(dataSource).noteSigner(NoteSigner.ed25519("auditrail",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate())).build();
        store = JdbcAuditStore.builder(dataSource).chain(chain).build();
        for (String organization : List.of("acme", "acme", "acme", "globex")) {
            store.write(List.of(AuditEvent.builder().organizationId(organization).timestamp(Instant.now())
                    .actor(Actor.user("alice", null, null)).action("invoice.created")
                    .resource(Resource.of("invoice", "inv-1")).build()));
        }
        chain.sealPending();
        controller = new AuditChainController(chain, authentication -> Optional.of(new AuditReadScope("acme",
                authentication.getName(), authentication.getName().equals("admin"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void adminVerifiesTheirOrganisationsChain() {
        login("admin");
        ResponseEntity<String> response = verify(null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"organization_id\":\"acme\"", "\"intact\":true", "\"leaves_checked\":3",
                "\"tree_size\":3");
    }

    @Test
    void modifiedEventIsReportedWithItsLeafIndexAndClass() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_events SET actor_id = 'mallory' WHERE seq = (SELECT event_seq"
                    + " FROM audit_events_leaves WHERE organization_key = 'acme' AND leaf_index = 1)");
        }
        login("admin");
        assertThat(verify("from=0&to=2").getBody()).contains("\"intact\":false", "\"leaf_index\":1",
                "\"type\":\"MODIFIED\"");
    }

    @Test
    void membersAndStrangersAreRefusedAndBadRangesRejected() {
        assertThat(controller.refused(catchRead(() -> verify(null))).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        login("member");
        assertThat(controller.refused(catchRead(() -> verify(null))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        login("admin");
        assertThatThrownBy(() -> verify("from=x"))
                .hasMessage("from must be a whole number from 0 to 9223372036854775807 but was 'x'");
        assertThatThrownBy(() -> verify("from=-1")).hasMessageContaining("from must be a whole number from 0");
        assertThatThrownBy(() -> verify("from=5&to=2"))
                .hasMessageContaining("from must not be after to");
        assertThatThrownBy(() -> verify("organization_id=globex"))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("organization_id cannot be chosen");
        assertThatThrownBy(() -> verify("form=1")).hasMessageStartingWith("unknown parameter 'form'; accepted: from, to");
    }

    @Test
    void aRangePastTheHeadIsABadRequestNotATamperAlarm() {
        login("admin");
        assertThatThrownBy(() -> verify("from=1000"))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageStartingWith("from 1000 is past the end of the log of acme, 3 leaves");
        assertThat(verify("from=1&to=1000").getBody()).contains("\"intact\":true", "\"leaves_checked\":2",
                "\"tree_size\":3");
    }

    @Test
    void withoutACheckpointTheLogEndpointsAnswer404() {
        login("member");
        assertThat(controller.refused(catchRead(() -> controller.checkpoint(get("/audit/chain/checkpoint", null))))
                .getBody()).contains("no checkpoint yet");
    }

    @Test
    void aMemberGetsTheNewestCheckpointAndAConsistencyProofToIt() {
        SignedCheckpoint first = checkpointOf("acme");
        store.write(List.of(event("acme"), event("acme")));
        chain.sealPending();
        SignedCheckpoint second = checkpointOf("acme");
        login("member");

        ResponseEntity<String> note = controller.checkpoint(get("/audit/chain/checkpoint", null));
        assertThat(note.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(note.getBody()).isEqualTo(second.note().format());

        JsonNode body = JSON.readTree(controller.consistency(get("/audit/chain/consistency", "from=3")).getBody());
        assertThat(body.get("organization_id").asString()).isEqualTo("acme");
        assertThat(body.get("from").asLong()).isEqualTo(3);
        assertThat(body.get("to").asLong()).isEqualTo(5);
        List<byte[]> proof = new ArrayList<>();
        body.get("proof").forEach(hash -> proof.add(Base64.getDecoder().decode(hash.asString())));
        LogCheckpoint newest = LogCheckpoint.parse(SignedNote.parse(body.get("checkpoint").asString()).body());
        assertThat(newest.size()).isEqualTo(5);
        assertThat(MerkleTree.verifyConsistency(3, 5, proof, first.checkpoint().rootHash(), newest.rootHash())).isTrue();
        assertThat(MerkleTree.verifyConsistency(3, 5, proof, new byte[32], newest.rootHash())).isFalse();
    }

    @Test
    void consistencyBetweenAnyTwoCheckpointsCarriesBothNotes() throws Exception {
        SignedCheckpoint three = checkpointOf("acme");
        store.write(List.of(event("acme"), event("acme")));
        chain.sealPending();
        SignedCheckpoint five = checkpointOf("acme");
        store.write(List.of(event("acme"), event("acme")));
        chain.sealPending();
        checkpointOf("acme");
        login("member");

        JsonNode body = JSON.readTree(controller.consistency(get("/audit/chain/consistency", "from=3&to=5")).getBody());
        assertThat(body.get("from").asLong()).isEqualTo(3);
        assertThat(body.get("to").asLong()).isEqualTo(5);
        assertThat(body.get("from_checkpoint").asString()).isEqualTo(three.note().format());
        assertThat(body.get("checkpoint").asString()).isEqualTo(five.note().format());
        List<byte[]> proof = new ArrayList<>();
        body.get("proof").forEach(hash -> proof.add(Base64.getDecoder().decode(hash.asString())));
        assertThat(MerkleTree.verifyConsistency(3, 5, proof, three.checkpoint().rootHash(),
                five.checkpoint().rootHash())).isTrue();
        assertThat(JSON.readTree(controller.consistency(get("/audit/chain/consistency", "from=5")).getBody())
                .get("to").asLong()).isEqualTo(7);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        controller.checkpoints(get("/audit/chain/checkpoints", null)).getBody().writeTo(out);
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.get("tree_size").asLong()).containsExactly(3L, 5L, 7L);
        assertThat(lines.get(0).get("note").asString()).isEqualTo(three.note().format());
        assertThat(lines).allSatisfy(line -> assertThat(line.get("origin").asString()).isEqualTo("auditrail/org/acme"));
    }

    @Test
    void theCheckpointsListCarriesTheSignedRetentionRecordsTheOfflineVerifierNeeds() throws Exception {
        checkpointOf("acme");
        assertThat(chain.purgeOlderThan(Instant.now().plusSeconds(60), "acme", Set.of())).isEqualTo(3);
        login("member");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        controller.checkpoints(get("/audit/chain/checkpoints", null)).getBody().writeTo(out);
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
        List<JsonNode> retention = lines.stream().filter(line -> line.has("kind")).toList();
        assertThat(retention).hasSize(1);
        assertThat(retention.get(0).get("kind").asString()).isEqualTo("retention");
        assertThat(retention.get(0).get("note").asString())
                .isEqualTo(chain.retentionRecords("acme").get(0).format());
        assertThat(lines).hasSizeGreaterThan(retention.size());
    }

    @Test
    void consistencyParametersAreCheckedWithTheJsonErrorShape() {
        checkpointOf("acme");
        login("member");
        assertThatThrownBy(() -> controller.consistency(get("/audit/chain/consistency", null)))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageStartingWith("from is required");
        assertThatThrownBy(() -> controller.consistency(get("/audit/chain/consistency", "from=0")))
                .hasMessageContaining("from must be a whole number from 1");
        assertThatThrownBy(() -> controller.consistency(get("/audit/chain/consistency", "from=4")))
                .hasMessage("from 4 is past the newest checkpoint's tree size, 3");
        assertThat(controller.refused(catchRead(() -> controller.consistency(get("/audit/chain/consistency",
                "from=1&to=2")))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(catchRead(() -> controller.consistency(get("/audit/chain/consistency", "from=2"))))
                .hasMessage("from 2 is the size of no checkpoint of your organisation's log;"
                        + " GET chain/checkpoints lists them");
        assertThatThrownBy(() -> controller.consistency(get("/audit/chain/consistency", "from=3&to=2")))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessage("from (3) must not be after to (2)");
        assertThatThrownBy(() -> controller.consistency(get("/audit/chain/consistency", "from=1&organization_id=globex")))
                .hasMessageContaining("organization_id cannot be chosen");
        assertThat(controller.badRequest(new InvalidAuditQueryException("x")).getBody()).isEqualTo("{\"error\":\"x\"}");
    }

    @Test
    void theExportListsTheOrganisationsLeavesInOrderForAdminsOnly() throws Exception {
        checkpointOf("acme");
        login("member");
        assertThat(controller.refused(catchRead(() -> controller.export(get("/audit/chain/export", null))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        login("admin");
        ResponseEntity<StreamingResponseBody> response = controller.export(get("/audit/chain/export", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.getBody().writeTo(out);

        List<LogExportLine> lines = out.toString(StandardCharsets.UTF_8).lines().map(LogExportLine::parse).toList();
        assertThat(lines).extracting(LogExportLine::leafIndex).containsExactly(0L, 1L, 2L);
        assertThat(lines).allSatisfy(line -> assertThat(line.organizationId()).isEqualTo("acme"));
        assertThat(response.getHeaders().getFirst("Auditrail-Tree-Size")).isEqualTo("3");
    }

    private SignedCheckpoint checkpointOf(String organization) {
        return chain.writeCheckpoints().stream().filter(c -> organization.equals(c.organizationId())).findFirst()
                .orElseThrow();
    }

    private static AuditEvent event(String organization) {
        return AuditEvent.builder().organizationId(organization).timestamp(Instant.now())
                .actor(Actor.user("alice", null, null)).action("invoice.created")
                .resource(Resource.of("invoice", "inv-1")).build();
    }

    private static MockHttpServletRequest get(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        return request;
    }

    private ResponseEntity<String> verify(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit/chain/verify");
        request.setQueryString(query);
        return controller.verify(request);
    }

    private static void login(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                "n/a", AuthorityUtils.NO_AUTHORITIES));
    }

    private static AuditReadException catchRead(Runnable call) {
        try {
            call.run();
        } catch (AuditReadException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
