package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.chain.ChainKeys;
import io.auditrail.jdbc.JdbcAuditStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyChainCommandTest {

    private static final byte[] KEY = "command-line-hmac-key-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    private final String url = "jdbc:h2:mem:chain-cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reportsEachChainAndExitsNonZeroOnAProblem(@TempDir Path directory) throws Exception {
        KeyPair keys = ChainKeys.generate();
        Path publicKey = directory.resolve("public.pem");
        Files.writeString(publicKey, ChainKeys.toPem(keys.getPublic()));
        Path exported = directory.resolve("checkpoints.jsonl");
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        JdbcAuditChain chain = JdbcAuditChain.builder(dataSource).hmacKey(KEY).signingKey(keys.getPrivate())
                .checkpointSink(new FileCheckpointSink(exported)).build();
        JdbcAuditStore store = JdbcAuditStore.builder(dataSource).chain(chain).build();
        for (String organization : List.of("acme", "acme", "acme", "globex")) {
            store.write(List.of(AbstractChainTest.event(organization, AbstractChainTest.NOW, "inv")));
        }
        chain.sealPending();
        chain.writeCheckpoints();
        Map<String, String> environment = Map.of("CHAIN_KEY", Base64.getEncoder().encodeToString(KEY));
        String[] all = {"--url", url, "--user", "", "--public-key", publicKey.toString(), "--hmac-key-env", "CHAIN_KEY",
                "--checkpoints", exported.toString()};

        assertThat(VerifyChainCommand.run(all, environment, print(out), print(err))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("OK acme: 3 events intact in a tree of 3 leaves",
                "OK globex: 1 events intact in a tree of 1 leaves");

        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_events_nodes WHERE organization_key = 'acme'"
                    + " AND node_index * POWER(2, node_level) + POWER(2, node_level) > 2");
            statement.executeUpdate("DELETE FROM audit_events_leaves WHERE organization_key = 'acme' AND leaf_index = 2");
            statement.executeUpdate("DELETE FROM audit_checkpoints");
        }
        out.reset();
        String[] acme = {"--url", url, "--organization", "acme", "--public-key", publicKey.toString(), "--hmac-key-env",
                "CHAIN_KEY", "--checkpoints", exported.toString()};
        assertThat(VerifyChainCommand.run(acme, environment, print(out), print(err))).isEqualTo(1);
        assertThat(out.toString()).contains("PROBLEM acme: TRUNCATED at leaf 2");
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        assertThat(VerifyChainCommand.run(new String[] {"--organization", "acme"}, Map.of(), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--url is required", "usage:");
        err.reset();
        assertThat(VerifyChainCommand.run(new String[] {"--url", url, "--from", "x"}, Map.of(), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--from must be a leaf index");
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
