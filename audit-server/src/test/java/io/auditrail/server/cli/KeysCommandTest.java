package io.auditrail.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.server.AuditServerApplication;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys command on the database of a running server, which sees its changes at once. */
class KeysCommandTest {

    private static final Pattern KEY = Pattern.compile("Key \\(shown once, store it now\\): (al_[A-Za-z0-9_-]{43})");
    private static final Pattern KEY_ID = Pattern.compile("Created API key (key_[0-9a-f]{16})");

    @TempDir
    Path data;

    private String url;

    @Test
    void keysCreatedListedAndRevokedOnTheCommandLineWorkOnTheRunningServer() {
        url = "jdbc:h2:file:" + data.resolve("server") + ";AUTO_SERVER=TRUE";
        Map<String, String> properties = TestServer.database(url, "sa", "");
        properties.remove("auditrail.server.admin-token");
        try (TestServer server = TestServer.start(properties)) {
            Http http = new Http(server.baseUri());

            Result created = keys("keys", "create", "--organization", "acme", "--plan", "growth", "--name", "ci");
            assertThat(created.code).isZero();
            Matcher key = KEY.matcher(created.out);
            Matcher keyId = KEY_ID.matcher(created.out);
            assertThat(key.find()).as(created.out).isTrue();
            assertThat(keyId.find()).isTrue();
            assertThat(created.out).contains("plan growth");

            assertThat(http.post("/v1/events", key.group(1), """
                    {"actor":{"id":"u1"},"action":"user.login","resource":{"type":"session","id":"s1"}}""").status())
                    .isEqualTo(201);
            assertThat(http.get("/v1/usage", key.group(1)).json().get("plan").asString()).isEqualTo("growth");

            Result listed = keys("keys", "list", "--organization", "acme");
            assertThat(listed.code).isZero();
            assertThat(listed.out).contains(keyId.group(1)).contains(key.group(1).substring(0, 10))
                    .doesNotContain(key.group(1));

            Result revoked = keys("keys", "revoke", keyId.group(1));
            assertThat(revoked.code).isZero();
            assertThat(http.get("/v1/usage", key.group(1)).body()).isEqualTo("{\"error\":\"Invalid API key\"}");

            assertThat(keys("keys", "revoke", "key_0000000000000000").code).isEqualTo(1);
            Result badPlan = keys("keys", "create", "--organization", "acme", "--plan", "platinum");
            assertThat(badPlan.code).isEqualTo(1);
            assertThat(badPlan.err).contains("plan must be one of [free, starter, growth] but was 'platinum'");
            assertThat(keys("keys", "frobnicate").code).isEqualTo(2);

            // Without an admin token the HTTP administration does not exist.
            assertThat(http.get("/admin/keys", "anything").status()).isEqualTo(404);
        }
    }

    private Result keys(String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[command.length + 3];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--spring.datasource.url=" + url;
        args[command.length + 1] = "--spring.datasource.username=sa";
        args[command.length + 2] = "--spring.main.banner-mode=off";
        int code = AuditServerApplication.runKeys(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
