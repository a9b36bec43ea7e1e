package io.auditrail.spring.autoconfigure;

import io.auditrail.core.internal.chain.CheckpointSinks;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.LogCheckpointSink;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.core.tlog.WitnessCheckpointSink;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import io.auditrail.spring.jdbc.ChainJobs;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class AuditrailChainAutoConfigurationTests {

    private final KeyPair keys = ChainKeys.generate();

    private ApplicationContextRunner runner() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailChainAutoConfiguration.class,
                        AuditrailJdbcAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("auditrail.dispatch=sync", "auditrail.chain.seal-interval=1h");
    }

    @Test
    void offByDefault() {
        runner().run(context -> assertThat(context).hasNotFailed().hasSingleBean(JdbcAuditStore.class)
                .doesNotHaveBean(JdbcAuditChain.class).doesNotHaveBean(ChainJobs.class));
    }

    @Test
    void switchedOnSealsSignsAndVerifiesAndRetentionKeepsTheChainIntact(@TempDir Path directory) throws Exception {
        Path privateKey = directory.resolve("chain.key");
        Files.writeString(privateKey, ChainKeys.toPem(keys.getPrivate()));
        Path file = directory.resolve("checkpoints.jsonl");
        runner().withPropertyValues("auditrail.chain.enabled=true",
                "auditrail.chain.hmac-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "auditrail.chain.signing-key-file=" + privateKey,
                "auditrail.chain.public-key=" + ChainKeys.toPem(keys.getPublic()).replace("\n", ""),
                "auditrail.chain.checkpoint-sink=file", "auditrail.chain.checkpoint-file=" + file,
                "auditrail.retention=30d", "auditrail.chain.sealer-threads=2")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ChainJobs.class);
                    assertThat(context.getBean(ChainJobs.class).isRunning()).isTrue();
                    assertThat(context.getBean(JdbcAuditChain.class).sealerThreads()).isEqualTo(2);
                    // Stopping waits for the start-up pass, which would otherwise race the sealing below.
                    context.getBean(ChainJobs.class).stop();
                    JdbcAuditStore store = context.getBean(JdbcAuditStore.class);
                    JdbcAuditChain chain = context.getBean(JdbcAuditChain.class);
                    store.write(List.of(event(Instant.parse("2020-01-01T00:00:00Z")), event(Instant.now())));
                    assertThat(chain.sealPending()).isEqualTo(2);
                    List<SignedCheckpoint> checkpoints = chain.writeCheckpoints();
                    assertThat(checkpoints).singleElement()
                            .satisfies(c -> assertThat(c.checkpoint().size()).isEqualTo(2));
                    assertThat(FileCheckpointSink.read(file)).last().satisfies(c -> assertThat(
                            NoteVerifier.of(null, keys.getPublic()).verify(c)).isTrue());

                    assertThat(store.purgeExpired()).isEqualTo(1);
                    LogVerification afterRetention = chain.verify("acme", null, null);
                    assertThat(afterRetention.intact()).as("%s", afterRetention.problem()).isTrue();
                    assertThat(afterRetention.leavesChecked()).isEqualTo(1);
                    assertThat(afterRetention.treeSize()).isEqualTo(2);
                });
    }

    @Test
    void logSinkByDefaultAndAUserSinkWins() {
        List<SignedNote> mine = new ArrayList<>();
        runner().withPropertyValues("auditrail.chain.enabled=true").run(context -> assertThat(
                ((CheckpointSinks) context.getBean(CheckpointSink.class)).sinks())
                .singleElement().isInstanceOf(LogCheckpointSink.class));
        runner().withPropertyValues("auditrail.chain.enabled=true")
                .withBean(CheckpointSink.class, () -> (organization, note) -> mine.add(note))
                .run(context -> {
                    context.getBean(JdbcAuditStore.class).write(List.of(event(Instant.now())));
                    context.getBean(JdbcAuditChain.class).sealPending();
                    context.getBean(JdbcAuditChain.class).writeCheckpoints();
                    // The start-up job may checkpoint the new chain too: what matters is that ours got them.
                    assertThat(mine).isNotEmpty().allSatisfy(checkpoint ->
                            assertThat(checkpoint.body()).startsWith("auditrail/org/acme\n1\n"));
                });
    }

    @Test
    void fileSinkWithoutAFileFailsAtStartWithTheKeyNamed() {
        runner().withPropertyValues("auditrail.chain.enabled=true", "auditrail.chain.checkpoint-sink=file")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("auditrail.chain.checkpoint-file"));
    }

    @Test
    void shortHmacKeyFailsAtStart() {
        runner().withPropertyValues("auditrail.chain.enabled=true", "auditrail.chain.hmac-key=c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("at least 32 bytes"));
    }

    @Test
    void aLoopbackWitnessReceivesEverySignedCheckpointBesideTheLogSink() throws Exception {
        NoteSigner signer = NoteSigner.ed25519("audit.example", keys.getPrivate());
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer witness = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        witness.createContext("/witness", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        witness.start();
        try {
            runner().withPropertyValues("auditrail.chain.enabled=true", "auditrail.chain.origin-prefix=audit.example",
                    "auditrail.chain.signing-key=" + ChainKeys.toPem(keys.getPrivate()).replace("\n", ""),
                    "auditrail.chain.public-key=" + signer.verifierKey(),
                    "auditrail.chain.witness-urls=http://127.0.0.1:" + witness.getAddress().getPort() + "/witness",
                    "auditrail.chain.witness-allow-insecure-loopback=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(((CheckpointSinks) context.getBean(CheckpointSink.class)).sinks())
                                .hasSize(2).last().isInstanceOf(WitnessCheckpointSink.class);
                        // name+id: the verifier key without its base64 part (which may itself hold '+')
                        String[] verifierKey = signer.verifierKey().split("\\+", 3);
                        assertThat(context.getBean(StartupLog.class).summary().text()).endsWith(
                                ", transparency log on (origin prefix audit.example, signed by key "
                                        + verifierKey[0] + "+" + verifierKey[1] + ")");
                        context.getBean(JdbcAuditStore.class).write(List.of(event(Instant.now())));
                        JdbcAuditChain chain = context.getBean(JdbcAuditChain.class);
                        chain.sealPending();
                        SignedCheckpoint written = chain.writeCheckpoints().get(0);
                        assertThat(received).contains(written.note().format());
                        assertThat(signer.verifier().verify(SignedNote.parse(received.get(received.size() - 1))))
                                .isTrue();
                        assertThat(written.checkpoint().origin()).isEqualTo("audit.example/org/acme");
                    });
        } finally {
            witness.stop(0);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theWitnessAuthorizationValueReachesTheWitnessAndNoLogLine(CapturedOutput output) throws Exception {
        String secret = "Bearer w1tness-t0ken-" + UUID.randomUUID();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer witness = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        witness.createContext("/witness", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        witness.start();
        try {
            runner().withPropertyValues("auditrail.chain.enabled=true",
                    "auditrail.chain.witness-urls=http://127.0.0.1:" + witness.getAddress().getPort() + "/witness",
                    "auditrail.chain.witness-allow-insecure-loopback=true",
                    "auditrail.chain.witness-authorization=" + secret)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(JdbcAuditStore.class).write(List.of(event(Instant.now())));
                        JdbcAuditChain chain = context.getBean(JdbcAuditChain.class);
                        chain.sealPending();
                        chain.writeCheckpoints();
                        assertThat(authorizations).isNotEmpty().allMatch(secret::equals);
                        assertThat(context.getBean(CheckpointSink.class).toString()).doesNotContain("t0ken");
                        assertThat(context.getBean(StartupLog.class).summary().text()).doesNotContain("t0ken");
                    });
        } finally {
            witness.stop(0);
        }
        assertThat(output.getAll()).as("nothing logged the value").doesNotContain("t0ken");
    }

    @Test
    void aWitnessAuthorizationValueWithALineBreakFailsTheStartWithoutRepeatingIt() {
        runner().withPropertyValues("auditrail.chain.enabled=true",
                "auditrail.chain.witness-urls=https://witness.example/add",
                "auditrail.chain.witness-authorization=Bearer abc\r\nX-Injected: s3cr3t")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("auditrail.chain.witness-authorization cannot contain control characters")
                        .message().doesNotContain("s3cr3t"));
    }

    @Test
    void badLogSettingsFailTheStartWithTheKeyNamed() {
        NoteSigner other = NoteSigner.ed25519("auditrail", ChainKeys.generate().getPrivate());
        String signingKey = "auditrail.chain.signing-key=" + ChainKeys.toPem(keys.getPrivate()).replace("\n", "");
        assertStartFails("auditrail.chain.origin-prefix: a log origin prefix is visible ASCII",
                "auditrail.chain.origin-prefix=audit trail");
        assertStartFails("auditrail.chain.witness-urls[0]: ", "auditrail.chain.witness-urls=http://witness.example/add");
        assertStartFails("auditrail.chain.witness-urls[1]: ", "auditrail.chain.witness-urls=https://witness.example/a,"
                + "http://127.0.0.1:9/b");
        assertStartFails("auditrail.chain.witness-connect-timeout must be positive",
                "auditrail.chain.witness-connect-timeout=0s");
        assertStartFails("auditrail.chain.unsealed-grace-period must be positive",
                "auditrail.chain.unsealed-grace-period=-1m");
        assertStartFails("auditrail.chain.signing-key: neither an Ed25519 PKCS#8 private key",
                "auditrail.chain.signing-key=not-a-key");
        assertStartFails("auditrail.chain.public-key: does not match the signing key", signingKey,
                "auditrail.chain.public-key=" + other.verifierKey());
        assertStartFails("auditrail.chain.public-key: ", "auditrail.chain.public-key=name+0000+!!");
    }

    private void assertStartFails(String message, String... properties) {
        runner().withPropertyValues("auditrail.chain.enabled=true").withPropertyValues(properties)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvalidAuditConfigurationException.class).hasMessageStartingWith(message));
    }

    @Test
    void withoutTheJdbcStoreOnTheClasspathNothingIsCreated() {
        runner().withPropertyValues("auditrail.chain.enabled=true")
                .withClassLoader(new FilteredClassLoader(JdbcAuditChain.class))
                .run(context -> assertThat(context).doesNotHaveBean(ChainJobs.class));
    }

    private static AuditEvent event(Instant at) {
        return AuditEvent.builder().organizationId("acme").timestamp(at).actor(Actor.user("alice", null, null))
                .action("invoice.created").resource(Resource.of("invoice", "inv-1")).build();
    }
}
