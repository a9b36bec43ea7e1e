package io.auditrail.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a client sees when the server cannot serve it: while it stops, and when its database
 * fails under the API-key look-up. Always {@code 503} with {@code Retry-After}, so the HTTP
 * sink and the outbox relay send the same request again; never a {@code 500}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerUnavailableAnswersTest {

    private static final String EVENT = "{\"actor\":{\"id\":\"u1\"},\"action\":\"doc.saved\","
            + "\"resource\":{\"type\":\"doc\",\"id\":\"d1\"}}";

    @Test
    void aDatabaseErrorInTheKeyLookupIsA503ThatIsLogged(CapturedOutput output) {
        try (TestServer server = TestServer.start(TestServer.h2())) {
            String key = server.newKey("org-a", null).secret();
            Http http = new Http(server.baseUri());
            assertThat(http.post("/v1/events", key, EVENT).status()).isEqualTo(201);

            ((HikariDataSource) server.bean(DataSource.class)).close();

            Http.Answer answer = http.post("/v1/events", key, EVENT);
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.json().get("error").asString()).isEqualTo("Storage is unavailable; retry later");
            assertThat(output).contains("API key lookup failed, answering 503 to POST /v1/events");
        }
    }

    @Test
    void requestsArrivingOnceTheServerHasBegunToStopGet503WithRetryAfter() throws Exception {
        TestServer server = TestServer.start(TestServer.h2());
        try {
            String key = server.newKey("org-a", null).secret();
            Http http = new Http(server.baseUri());
            assertThat(http.get("/v1/usage", key).status()).isEqualTo(200);
            CountDownLatch stopping = new CountDownLatch(1);
            CountDownLatch answered = new CountDownLatch(1);
            // Holds the stop where it has begun but the web server still takes requests.
            server.whenStopping(() -> {
                stopping.countDown();
                await(answered);
            });
            CompletableFuture<Void> stop = CompletableFuture.runAsync(server::stop);
            assertThat(stopping.await(30, TimeUnit.SECONDS)).isTrue();

            Http.Answer event = http.post("/v1/events", key, EVENT);
            Http.Answer admin = http.get("/admin/keys", TestServer.ADMIN_TOKEN);
            answered.countDown();
            stop.get(60, TimeUnit.SECONDS);

            for (Http.Answer answer : new Http.Answer[] {event, admin}) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                assertThat(answer.json().get("error").asString()).isEqualTo("Server is shutting down; retry later");
            }
        } finally {
            server.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
