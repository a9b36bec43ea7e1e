package io.auditrail.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.server.support.ChildServer;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server on its no-setup default, the H2 file under {@code ./data}, in a child JVM: events
 * are posted one at a time, the server is killed with SIGKILL right after the last {@code 201},
 * and restarted on the same files. Every acknowledged event must be there: with H2's default
 * write delay a few hundred milliseconds of acknowledged events were lost.
 */
class AcknowledgedEventsSurviveSigkillTest {

    private static final int EVENTS = 300;

    @TempDir
    Path workingDirectory;

    @Test
    void everyEventAnsweredWith201IsStoredAfterTheServerIsKilledOnItsDefaultDatabase() throws Exception {
        try (ChildServer server = ChildServer.start(workingDirectory,
                Map.of("auditrail.server.admin-token", TestServer.ADMIN_TOKEN))) {
            Http http = new Http(server.baseUri());
            Http.Answer issued = http.post("/admin/keys", TestServer.ADMIN_TOKEN,
                    "{\"organization_id\":\"org-crash\",\"plan\":\"growth\",\"name\":\"crash\"}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String key = issued.json().get("key").asString();
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String resource = "r-" + i;
                Http.Answer answer = http.post("/v1/events", key, "{\"actor\":{\"id\":\"u1\"},\"action\":\"doc.saved\","
                        + "\"resource\":{\"type\":\"doc\",\"id\":\"" + resource + "\"}}");
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                acknowledged.add(resource);
            }
            server.kill();
            assertThat(workingDirectory.resolve("data")).as("the default database is a file under ./data").isDirectory();

            server.restart();
            JsonNode page = http.get("/v1/events?limit=1000", key).json();
            List<String> stored = new ArrayList<>();
            page.get("events").forEach(event -> stored.add(event.get("resource_id").asString()));
            assertThat(stored).as("every acknowledged event, once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(http.get("/v1/usage", key).json().get("events_this_month").asLong()).isEqualTo(EVENTS);
        }
    }
}
