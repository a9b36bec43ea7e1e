package io.auditrail.spring.webread;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.core.tlog.OfflineVerifier;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log's proofs as a tenant gets them: a real server on a real PostgreSQL, proofs fetched over
 * HTTP and checked with core's verification functions alone (the verifier key is all the test
 * trusts), then the exported log and a proof bundle checked by the offline verifier.
 */
class LogProofsPostgresIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void proofsFetchedOverHttpVerifyAgainstTheSignedCheckpointsAndOffline(@TempDir Path directory) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path signingKey = directory.resolve("signing-key.pem");
        Files.writeString(signingKey, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        String verifierKey = NoteSigner.ed25519("audit.test", keys.getPrivate()).verifierKey();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(ReadWebApplication.class).run(
                        "--server.port=0", "--auditrail.web.enabled=true", "--spring.flyway.enabled=false",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--auditrail.jdbc.initialize-schema=always", "--auditrail.chain.enabled=true",
                        "--auditrail.chain.origin-prefix=audit.test",
                        "--auditrail.chain.signing-key-file=" + signingKey,
                        "--auditrail.chain.public-key=" + verifierKey,
                        "--auditrail.chain.seal-interval=1h", "--auditrail.chain.checkpoint-interval=1h")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcAuditStore store = app.getBean(JdbcAuditStore.class);
            JdbcAuditChain chain = app.getBean(JdbcAuditChain.class);
            List<AuditEvent> first = List.of(event("acme", "alice"), event("acme", "anna"), event("globex", "gus"));
            store.write(first);
            chain.sealPending();
            chain.writeCheckpoints();
            String keptByTheTenant = get(port, "alice", "/audit/chain/checkpoint").body();
            AuditEvent aliceLater = event("acme", "alice");
            store.write(List.of(aliceLater, event("acme", "anna"), event("acme", "anna")));
            chain.sealPending();
            chain.writeCheckpoints();

            HttpResponse<String> proof = get(port, "alice", "/audit/events/" + aliceLater.id() + "/proof");
            assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(proof.body());
            SignedNote note = SignedNote.parse(body.get("checkpoint").asString());
            LogCheckpoint signed = LogCheckpoint.parse(note.body());
            List<byte[]> path = new ArrayList<>();
            body.get("path").forEach(hash -> path.add(Base64.getDecoder().decode(hash.asString())));
            AuditEvent served = InclusionProofBundle.parse(proof.body()).event();
            assertThat(served).isEqualTo(aliceLater);
            assertThat(NoteVerifier.parse(verifierKey).verify(note)).isTrue();
            assertThat(signed.origin()).isEqualTo("audit.test/org/acme");
            assertThat(signed.size()).isEqualTo(body.get("tree_size").asLong()).isEqualTo(5);
            assertThat(MerkleTree.verifyInclusion(body.get("leaf_index").asLong(), signed.size(),
                    LeafHasher.sha256().leafHash(aliceLater), path, signed.rootHash())).isTrue();
            assertThat(body.get("verification").get("verified").asBoolean()).isTrue();
            assertThat(get(port, "alice", "/audit/events/" + first.get(1).id() + "/proof").statusCode()).isEqualTo(404);
            assertThat(get(port, "gus", "/audit/events/" + aliceLater.id() + "/proof").statusCode()).isEqualTo(404);

            HttpResponse<String> consistency = get(port, "alice", "/audit/chain/consistency?from=2&to=5");
            assertThat(consistency.statusCode()).as(consistency.body()).isEqualTo(200);
            JsonNode range = JSON.readTree(consistency.body());
            List<byte[]> hashes = new ArrayList<>();
            range.get("proof").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
            SignedNote olderNote = SignedNote.parse(keptByTheTenant);
            assertThat(NoteVerifier.parse(verifierKey).verify(olderNote)).isTrue();
            LogCheckpoint older = LogCheckpoint.parse(olderNote.body());
            LogCheckpoint newer = LogCheckpoint.parse(SignedNote.parse(range.get("checkpoint").asString()).body());
            assertThat(older.size()).isEqualTo(2);
            assertThat(range.get("from_checkpoint").asString()).isEqualTo(keptByTheTenant);
            assertThat(get(port, "alice", "/audit/chain/consistency?from=3").statusCode()).isEqualTo(404);
            assertThat(MerkleTree.verifyConsistency(2, 5, hashes, older.rootHash(), newer.rootHash())).isTrue();
            assertThat(get(port, "alice", "/audit/chain/consistency?from=abc").body())
                    .isEqualTo("{\"error\":\"from must be a whole number from 1 to 9223372036854775807 but was 'abc'\"}");

            HttpResponse<String> checkpoint = get(port, "alice", "/audit/chain/checkpoint");
            assertThat(checkpoint.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(checkpoint.body()).isEqualTo(range.get("checkpoint").asString());

            HttpResponse<String> export = get(port, "anna", "/audit/chain/export");
            assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
            assertThat(export.body().lines()).hasSize(5);
            assertThat(get(port, "alice", "/audit/chain/export").statusCode()).isEqualTo(403);
            Path log = Files.writeString(directory.resolve("export.jsonl"), export.body());
            Path bundle = Files.writeString(directory.resolve("bundle.json"), proof.body());
            Path kept = Files.writeString(directory.resolve("checkpoints.jsonl"),
                    JSON.writeValueAsString(Map.of("note", keptByTheTenant)) + "\n"
                            + JSON.writeValueAsString(Map.of("note", checkpoint.body())) + "\n");
            assertThat(offline("--public-key", verifierKey, "--origin-prefix", "audit.test", "--log", log.toString(),
                    "--checkpoints", kept.toString(), "--proof", bundle.toString())).isEqualTo(0);
            HttpResponse<String> listed = get(port, "alice", "/audit/chain/checkpoints");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body().lines()).hasSize(2);
            Path stored = Files.writeString(directory.resolve("served-checkpoints.jsonl"), listed.body());
            assertThat(offline("--public-key", verifierKey, "--origin-prefix", "audit.test", "--log", log.toString(),
                    "--checkpoints", stored.toString())).isEqualTo(0);

            Path forged = Files.writeString(directory.resolve("forged.json"),
                    proof.body().replace("\"action\":\"invoice.created\"", "\"action\":\"invoice.deleted\""));
            assertThat(offline("--public-key", verifierKey, "--origin-prefix", "audit.test", "--proof",
                    forged.toString())).isEqualTo(1);
        }
    }

    private static int offline(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        System.out.println(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return exit;
    }

    private HttpResponse<String> get(int port, String user, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":pw")
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AuditEvent event(String organization, String actor) {
        return AuditEvent.builder().organizationId(organization).timestamp(Instant.now())
                .actor(Actor.user(actor, null, null)).action("invoice.created")
                .resource(Resource.of("invoice", "inv-1")).build();
    }
}
