package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.tlog.CheckpointLine;
import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transparency log's read endpoints on Micronaut's Netty server, with Micronaut Security and
 * H2: proofs scoped like the events themselves, the chain endpoints always on the caller's own
 * organisation's log, verification for admins only, and the starter's errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ChainEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGIN = "mn.auditrail.test";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmbeddedServer server;
    private JdbcAuditChain chain;
    private NoteVerifier verifier;

    private final AuditEvent aliceCreated = event("acme", "alice", "invoice.created");
    private final AuditEvent annaChanged = event("acme", "anna", "member.role.changed");
    private final AuditEvent gusCreated = event("globex", "gus", "invoice.created");
    private final AuditEvent aliceUnsealed = event("acme", "alice", "invoice.deleted");

    private static AuditEvent event(String org, String actor, String action) {
        return AuditEvent.builder().organizationId(org).actor(Actor.user(actor, actor, null)).action(action)
                .resource(Resource.of("invoice", "inv-1")).timestamp(Instant.parse("2026-11-01T10:00:00Z"))
                .outcome(Outcome.success()).build();
    }

    @BeforeAll
    void startWithASealedLog() throws NoSuchAlgorithmException {
        String table = "mn_chain_web_" + UUID.randomUUID().toString().substring(0, 8);
        String signingKey = ChainKeys.toPem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate())
                .replace("\n", "");
        // Seal and checkpoint only when this test says so, so that the log's sizes are known.
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("auditrail.web.enabled", "true",
                "auditrail.chain.enabled", "true", "auditrail.chain.origin-prefix", ORIGIN,
                "auditrail.chain.signing-key", signingKey, "auditrail.chain.seal-interval", "1h",
                "auditrail.chain.checkpoint-interval", "1h", "auditrail.security-events.enabled", "false",
                "auditrail.jdbc.table-name", table, "auditrail.chain.checkpoint-table-name", table + "_cp"), "h2");
        chain = server.getApplicationContext().getBean(JdbcAuditChain.class);
        JdbcAuditStore store = server.getApplicationContext().getBean(JdbcAuditStore.class);
        verifier = server.getApplicationContext().getBean(LogKeys.class).verifier();
        store.write(List.of(aliceCreated));
        chain.sealPending();
        chain.writeCheckpoints();
        store.write(List.of(annaChanged, gusCreated));
        chain.sealPending();
        chain.writeCheckpoints();
        store.write(List.of(aliceUnsealed));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String user, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + pathAndQuery));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        return JSON.readTree(response.body());
    }

    @Test
    void aMemberGetsTheCheckedProofOfTheirOwnEvent() throws Exception {
        HttpResponse<String> response = get("alice", "/audit/events/" + aliceCreated.id() + "/proof");

        JsonNode body = json(response, 200);
        assertThat(body.get("sealed").asBoolean()).isTrue();
        assertThat(body.get("verification").get("verified").asBoolean()).as(response.body()).isTrue();
        assertThat(body.get("verification").get("key_name").asString()).isEqualTo(verifier.keyName());
        InclusionProofBundle bundle = InclusionProofBundle.parse(response.body());
        assertThat(bundle.event()).isEqualTo(aliceCreated);
        assertThat(bundle.treeSize()).isEqualTo(2);
        assertThat(bundle.verify(LeafHasher.sha256(), verifier, ORIGIN).intact()).isTrue();
    }

    @Test
    void aProofIsScopedLikeItsEvent() throws Exception {
        assertThat(json(get("alice", "/audit/events/" + annaChanged.id() + "/proof"), 404).get("error").asString())
                .isEqualTo("no event " + annaChanged.id());
        assertThat(json(get("gus", "/audit/events/" + aliceCreated.id() + "/proof"), 404).get("error").asString())
                .isEqualTo("no event " + aliceCreated.id());
        assertThat(json(get("anna", "/audit/events/" + aliceCreated.id() + "/proof"), 200).get("sealed").asBoolean())
                .isTrue();
        assertThat(json(get(null, "/audit/events/" + aliceCreated.id() + "/proof"), 401).get("error").asString())
                .isEqualTo("authentication required");
        assertThat(json(get("drifter", "/audit/events/" + aliceCreated.id() + "/proof"), 403).get("error").asString())
                .contains("you belong to no organisation");
        assertThat(json(get("alice", "/audit/events/not-a-uuid/proof"), 400).get("error").asString())
                .isEqualTo("id must be a UUID but was 'not-a-uuid'");
    }

    @Test
    void anEventNotYetCheckpointedIsAConflict() throws Exception {
        JsonNode body = json(get("alice", "/audit/events/" + aliceUnsealed.id() + "/proof"), 409);

        assertThat(body.get("sealed").asBoolean()).isFalse();
        assertThat(body.get("event_id").asString()).isEqualTo(aliceUnsealed.id().toString());
        assertThat(body.get("error").asString()).contains("is not in a signed checkpoint yet");
    }

    @Test
    void theCheckpointsAreTheCallersOrganisations() throws Exception {
        HttpResponse<String> latest = get("alice", "/audit/chain/checkpoint");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(latest.body()).isEqualTo(chain.latestCheckpoint("acme").note().format());

        HttpResponse<String> all = get("alice", "/audit/chain/checkpoints");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("audit-checkpoints.jsonl"));
        List<String> expected = chain.checkpoints("acme").stream()
                .map(checkpoint -> CheckpointLine.format("acme", checkpoint.note()) + "\n").toList();
        assertThat(all.body()).isEqualTo(String.join("", expected)).contains("\"organization_id\":\"acme\"");

        assertThat(get("gus", "/audit/chain/checkpoint").body()).isEqualTo(chain.latestCheckpoint("globex").note().format());
    }

    @Test
    void aConsistencyProofLinksTwoCheckpointsOfTheOrganisation() throws Exception {
        JsonNode body = json(get("alice", "/audit/chain/consistency?from=1"), 200);

        assertThat(body.get("organization_id").asString()).isEqualTo("acme");
        assertThat(body.get("from").asLong()).isEqualTo(1);
        assertThat(body.get("to").asLong()).isEqualTo(2);
        assertThat(body.get("proof")).hasSize(1);
        assertThat(body.get("checkpoint").asString()).isEqualTo(chain.checkpoint("acme", 2).note().format());
        assertThat(body.get("from_checkpoint").asString()).isEqualTo(chain.checkpoint("acme", 1).note().format());

        assertThat(json(get("alice", "/audit/chain/consistency"), 400).get("error").asString())
                .isEqualTo("from is required: the tree size of a checkpoint you hold");
        assertThat(json(get("alice", "/audit/chain/consistency?from=2&to=1"), 400).get("error").asString())
                .isEqualTo("from (2) must not be after to (1)");
        assertThat(json(get("gus", "/audit/chain/consistency?from=2"), 400).get("error").asString())
                .isEqualTo("from 2 is past the newest checkpoint's tree size, 1");
        assertThat(json(get("alice", "/audit/chain/consistency?from=1&to=3"), 404).get("error").asString())
                .isEqualTo("to 3 is the size of no checkpoint of your organisation's log; GET chain/checkpoints lists them");
    }

    @Test
    void onlyAdminsVerifyTheirOrganisationsLog() throws Exception {
        JsonNode body = json(get("anna", "/audit/chain/verify"), 200);
        assertThat(body.get("organization_id").asString()).isEqualTo("acme");
        // alice's last event is in the table but was never sealed, and is older than the grace period.
        assertThat(body.get("intact").asBoolean()).as(body.toString()).isFalse();
        assertThat(body.get("tree_size").asLong()).isEqualTo(2);
        assertThat(body.get("problem").get("leaf_index").asLong()).isEqualTo(2);
        assertThat(body.get("problem").get("type").asString()).isEqualTo("UNSEALED");
        assertThat(body.get("problem").get("detail").asString()).contains(aliceUnsealed.id().toString());

        JsonNode globex = json(get("gus", "/audit/chain/verify"), 200);
        assertThat(globex.get("organization_id").asString()).isEqualTo("globex");
        assertThat(globex.get("intact").asBoolean()).as(globex.toString()).isTrue();
        assertThat(globex.get("problem").isNull()).isTrue();
        assertThat(json(get("alice", "/audit/chain/verify"), 403).get("error").asString())
                .isEqualTo("only organisation admins may verify the log");
        assertThat(json(get("anna", "/audit/chain/verify?from=2&to=1"), 400).get("error").asString())
                .isEqualTo("from must not be after to");
        assertThat(json(get("anna", "/audit/chain/checkpoint?organization_id=globex"), 400).get("error").asString())
                .startsWith("organization_id cannot be chosen");
    }
}
