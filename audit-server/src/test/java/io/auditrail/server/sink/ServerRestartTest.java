package io.auditrail.server.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.RecordingMonitor;
import io.auditrail.server.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server goes down and comes back while an application keeps sending: nothing is lost, nothing doubled. */
class ServerRestartTest {

    @TempDir
    Path data;

    @Test
    void eventsSentWhileTheServerRestartsAreEachStoredOnce() {
        String url = "jdbc:h2:file:" + data.resolve("server") + ";AUTO_SERVER=TRUE";
        try (TestServer server = TestServer.start(TestServer.database(url, "sa", ""))) {
            String organization = "org-" + UUID.randomUUID();
            String key = server.newKey(organization, "growth").secret();
            RecordingMonitor monitor = new RecordingMonitor();
            HostedApiSink sink = new HostedApiSink(new HostedApiSettings(server.baseUri(), key, Duration.ofSeconds(1),
                    Duration.ofSeconds(2), 4), new AuditEventCodec());
            // Real (short) waits between retries: connection refusals fail at once and must not spin.
            AsyncDispatcher dispatcher = new AsyncDispatcher(sink, new AsyncSettings(1000, 5, Duration.ofMillis(10),
                    OverflowPolicy.BLOCK, Duration.ofSeconds(1),
                    new RetryBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 0.2)), monitor);

            List<AuditEvent> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                if (i == 20) {
                    server.stop();
                }
                if (i == 40) {
                    server.restart();
                }
                AuditEvent event = AuditEvent.builder().organizationId(organization)
                        .actor(Actor.user("u-" + i, null, null)).action("invoice.created")
                        .resource(Resource.of("invoice", "inv-" + i)).build();
                sent.add(event);
                dispatcher.dispatch(event);
            }
            DrainResult drained = dispatcher.close(Duration.ofSeconds(30));

            assertThat(drained.isComplete()).isTrue();
            assertThat(monitor.retried.get()).as("some batches failed while the server was down").isPositive();
            assertThat(monitor.dropped).isEmpty();
            Http http = new Http(server.baseUri());
            JsonNode all = http.get("/v1/events?limit=1000", key).json();
            assertThat(all.get("total").asLong()).isEqualTo(60);
            List<String> ids = new ArrayList<>();
            all.get("events").forEach(event -> ids.add(event.get("id").asString()));
            assertThat(ids).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sent.stream().map(event -> event.id().toString()).toList());
            assertThat(http.get("/v1/usage", key).json().get("events_this_month").asLong()).isEqualTo(60);
        }
    }
}
