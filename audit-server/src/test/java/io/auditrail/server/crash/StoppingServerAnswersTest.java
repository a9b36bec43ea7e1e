package io.auditrail.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.server.support.ChildServer;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server on its default database in a child JVM, stopped with SIGTERM while clients post
 * events as fast as it answers. Every answer is a success or a {@code 503} with
 * {@code Retry-After}, never a {@code 500}; every event answered with {@code 201} is there after
 * a restart.
 */
class StoppingServerAnswersTest {

    private static final int CLIENTS = 4;

    @TempDir
    Path workingDirectory;

    @Test
    void clientsOfAStoppingServerGetSuccessOr503AndNoAcknowledgedEventIsLost() throws Exception {
        try (ChildServer server = ChildServer.start(workingDirectory,
                Map.of("auditrail.server.admin-token", TestServer.ADMIN_TOKEN))) {
            Http http = new Http(server.baseUri());
            Http.Answer issued = http.post("/admin/keys", TestServer.ADMIN_TOKEN,
                    "{\"organization_id\":\"org-stop\",\"plan\":\"growth\",\"name\":\"stop\"}");
            String key = issued.json().get("key").asString();
            AtomicBoolean refused = new AtomicBoolean();
            CountDownLatch warmedUp = new CountDownLatch(CLIENTS * 20);
            List<CompletableFuture<Map<Integer, List<String>>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(CompletableFuture.supplyAsync(() -> post(http, key, client, refused, warmedUp)));
            }
            warmedUp.await();
            server.terminate();
            server.awaitExit();
            refused.set(true);

            Map<Integer, List<String>> byStatus = new TreeMap<>();
            for (CompletableFuture<Map<Integer, List<String>>> client : clients) {
                client.get().forEach((status, resources) -> byStatus.computeIfAbsent(status, s -> new ArrayList<>())
                        .addAll(resources));
            }
            assertThat(byStatus.keySet()).as("answers by status: %s", counts(byStatus)).isSubsetOf(201, 503);
            List<String> acknowledged = byStatus.get(201);

            server.restart();
            List<String> stored = new ArrayList<>();
            for (int offset = 0; ; offset += 1000) {
                JsonNode page = http.get("/v1/events?limit=1000&offset=" + offset, key).json();
                page.get("events").forEach(event -> stored.add(event.get("resource_id").asString()));
                if (page.get("events").size() < 1000) {
                    break;
                }
            }
            assertThat(stored).as("every acknowledged event").containsAll(acknowledged);
            System.out.printf("stopping server: answers by status %s%n", counts(byStatus));
        }
    }

    /** Posts until the server stops answering; returns the resource ids posted, by the status they got. */
    private static Map<Integer, List<String>> post(Http http, String key, int client, AtomicBoolean stop,
            CountDownLatch warmedUp) {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (int i = 0; !stop.get(); i++) {
            String resource = "c" + client + "-" + i;
            Http.Answer answer;
            try {
                answer = http.post("/v1/events", key, "{\"actor\":{\"id\":\"u1\"},\"action\":\"doc.saved\","
                        + "\"resource\":{\"type\":\"doc\",\"id\":\"" + resource + "\"}}");
            } catch (UncheckedIOException e) {
                break; // refused or reset: the server has stopped taking connections
            }
            if (answer.status() == 503) {
                assertThat(answer.header("Retry-After")).as(answer.body()).isNotNull();
            }
            byStatus.computeIfAbsent(answer.status(), s -> new ArrayList<>()).add(resource);
            warmedUp.countDown();
        }
        return byStatus;
    }

    private static Map<Integer, Integer> counts(Map<Integer, List<String>> byStatus) {
        Map<Integer, Integer> counts = new TreeMap<>();
        byStatus.forEach((status, resources) -> counts.put(status, resources.size()));
        return counts;
    }
}
