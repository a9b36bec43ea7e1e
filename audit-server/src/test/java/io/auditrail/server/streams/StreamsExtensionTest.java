package io.auditrail.server.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.stream.testing.WebhookReceiver;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.Http.Answer;
import io.auditrail.server.support.TestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The streams extension at {@code /ext/streams} over real HTTP, on a server whose streams may reach
 * loopback only because the test allow-lists it, delivering to a receiver that checks the
 * Standard Webhooks signature itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsExtensionTest {

    private static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private TestServer server;
    private Http http;
    private WebhookReceiver receiver;

    @BeforeAll
    void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        Map<String, String> properties = new LinkedHashMap<>(TestServer.h2());
        properties.put("auditrail.streams.enabled", "true");
        properties.put("auditrail.streams.encryption-key", "c2VydmVyLXN0cmVhbXMtdGVzdC1rZXktMzItYnl0ZXM=");
        properties.put("auditrail.streams.allowed-destinations", "127.0.0.1/32");
        properties.put("auditrail.streams.allow-plain-http", "true");
        properties.put("auditrail.streams.poll-interval", "100ms");
        server = TestServer.start(properties);
        http = new Http(server.baseUri());
    }

    @AfterAll
    void stop() {
        server.close();
        receiver.close();
    }

    @Test
    void aKeyHolderStreamsTheirOrganisationsEventsToASignedWebhookAndNobodyElseSeesTheStream() {
        String acmeKey = server.newKey("acme", "starter").secret();
        String globexKey = server.newKey("globex", "starter").secret();
        assertThat(http.get("/ext/streams", null).status()).isEqualTo(401);

        Answer created = http.post("/ext/streams", acmeKey, "{\"name\":\"SIEM\",\"destination\":\"webhook\",\"url\":\""
                + receiver.url() + "\",\"secret\":\"" + SECRET + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(created.header("Location")).isEqualTo("/ext/streams/" + id);
        assertThat(created.body()).doesNotContain(SECRET, "secret");

        Answer test = http.post("/ext/streams/" + id + "/test", acmeKey, "");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().get("delivered").asBoolean()).as(test.body()).isTrue();
        assertThat(test.json().get("status").asInt()).isEqualTo(204);
        assertThat(receiver.received()).hasSize(1).allMatch(WebhookReceiver.Received::signatureValid);

        assertThat(http.post("/v1/events", acmeKey, "{\"actor\":{\"id\":\"alice\"},\"action\":\"invoice.deleted\","
                + "\"resource\":{\"type\":\"invoice\",\"id\":\"inv_1\"}}").status()).isEqualTo(201);
        assertThat(http.post("/v1/events", globexKey, "{\"actor\":{\"id\":\"gus\"},\"action\":\"invoice.secret\","
                + "\"resource\":{\"type\":\"invoice\",\"id\":\"inv_9\"}}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                .anyMatch(received -> received.body().contains("invoice.deleted")));
        assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid)
                .noneMatch(received -> received.body().contains("invoice.secret"));

        assertThat(http.get("/ext/streams", globexKey).json().get("streams")).isEmpty();
        for (Answer foreign : new Answer[] {http.get("/ext/streams/" + id, globexKey),
                http.post("/ext/streams/" + id + "/pause", globexKey, ""),
                http.send(http.request("/ext/streams/" + id, globexKey).DELETE())}) {
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).isEqualTo("{\"error\":\"no stream " + id + "\"}");
        }

        assertThat(http.post("/ext/streams/" + id + "/pause", acmeKey, "").json().get("state").stringValue())
                .isEqualTo("paused");
        assertThat(http.post("/ext/streams/" + id + "/resume", acmeKey, "").json().get("active").asBoolean()).isTrue();
        Answer renamed = http.send(http.request("/ext/streams/" + id, acmeKey).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Renamed\"}")));
        assertThat(renamed.json().get("name").stringValue()).isEqualTo("Renamed");
        assertThat(http.get("/ext/streams", acmeKey).json().get("streams")).hasSize(1);
        assertThat(http.send(http.request("/ext/streams/" + id, acmeKey).DELETE()).status()).isEqualTo(204);
        assertThat(http.get("/ext/streams/" + id, acmeKey).status()).isEqualTo(404);
    }

    @Test
    void badInputAndRefusedDestinationsAreA400NamingTheField() {
        String key = server.newKey("initech", "starter").secret();
        Answer metadata = http.post("/ext/streams", key, "{\"name\":\"x\",\"destination\":\"webhook\","
                + "\"url\":\"http://169.254.169.254/latest/meta-data\",\"secret\":\"" + SECRET + "\"}");
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.json().get("error").stringValue()).contains("169.254.169.254");
        Answer missing = http.post("/ext/streams", key, "{\"name\":\"x\",\"url\":\"https://siem.example.com\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").stringValue()).startsWith("destination: required");
        Answer form = http.send(http.request("/ext/streams", key).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(form.status()).isEqualTo(415);
        assertThat(http.get("/ext/streams", key).json().get("streams")).isEmpty();
    }
}
