package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The witness sink against a real JDK HTTP server on loopback. */
class WitnessCheckpointSinkTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    private final TestLog acme = new TestLog("acme", 4);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(WitnessCheckpointSink.class);
    private ExecutorService executor;
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/ok", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.add(exchange.getRequestHeaders().getFirst("Content-Type") + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 200, "cosigned\n".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", base + "/ok");
            respond(exchange, 302, new byte[0]);
        });
        server.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 500, "boom".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/huge", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, new byte[WitnessCheckpointSink.MAX_RESPONSE_BYTES * 16]);
        });
        server.createContext("/hang", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, new byte[0]);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stopServer() {
        logger.detachAppender(logs);
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void postsTheSignedNote() {
        WitnessCheckpointSink sink = sink("/ok?token=secret-query", "Bearer secret-token");

        sink.publish("acme", acme.checkpoint(4));

        assertThat(received).containsExactly(acme.checkpoint(4).format());
        assertThat(headers).containsExactly("text/plain; charset=utf-8 | Bearer secret-token");
        assertThat(sink.published()).isEqualTo(1);
        assertThat(sink.failures()).isZero();
    }

    @Test
    void aRedirectIsRefusedAndNotFollowed() {
        WitnessCheckpointSink sink = sink("/moved?token=secret-query", "Bearer secret-token");

        sink.publish("acme", acme.checkpoint(4));

        assertThat(sink.failures()).isEqualTo(1);
        assertThat(received).isEmpty();
        assertThat(logs.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("HTTP 302, redirects are not followed", base + "/moved")
                .doesNotContain("secret-query", "secret-token"));
    }

    @Test
    void serverErrorsOversizedAnswersAndSilenceAreCountedNotThrown() {
        WitnessCheckpointSink broken = sink("/broken", null);
        WitnessCheckpointSink huge = sink("/huge", null);
        WitnessCheckpointSink hanging = sink("/hang", null);
        WitnessCheckpointSink closed = new WitnessCheckpointSink(URI.create("http://127.0.0.1:1/nothing-listens"),
                SHORT, SHORT, true, null);

        broken.publish("acme", acme.checkpoint(4));
        huge.publish("acme", acme.checkpoint(4));
        hanging.publish("acme", acme.checkpoint(4));
        closed.publish("acme", acme.checkpoint(4));

        assertThat(List.of(broken.failures(), huge.failures(), hanging.failures(), closed.failures()))
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                message -> assertThat(message).contains("HTTP 500"),
                message -> assertThat(message).contains("response body over 65536 bytes"),
                message -> assertThat(message).contains("no complete answer within 500 ms"),
                message -> assertThat(message).contains("ConnectException"));
    }

    @Test
    void hostileUrlsAreRefusedAtConfiguration() {
        assertRefused("http://example.com/witness", true, "must use https");
        assertRefused(base + "/ok", false, "must use https");
        assertRefused("http://127.0.0.1.example.com/ok", true, "must use https");
        assertRefused("https://user:pass@witness.example.com/ok", false, "cannot carry credentials");
        assertRefused("ftp://witness.example.com/ok", true, "must use https");
        assertRefused("https://witness.example.com/ok#part", false, "fragment");
        assertRefused("/relative", false, "absolute");
        assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create("https://witness.example.com"), Duration.ZERO,
                SHORT, false, null)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create("https://witness.example.com"), SHORT, SHORT,
                false, "Bearer a\r\nX-Evil: 1")).hasMessageContaining("control characters");
        assertThat(new WitnessCheckpointSink(URI.create("https://witness.example.com/add"), SHORT, SHORT, false, null))
                .hasToString("WitnessCheckpointSink[https://witness.example.com/add]");
        assertThat(new WitnessCheckpointSink(URI.create("http://[::1]:8080/add"), SHORT, SHORT, true, null)).isNotNull();
        assertThat(new WitnessCheckpointSink(URI.create("http://localhost:8080/add"), SHORT, SHORT, true, null))
                .isNotNull();
    }

    private static void assertRefused(String url, boolean allowHttpToLoopback, String reason) {
        assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create(url), SHORT, SHORT, allowHttpToLoopback, null))
                .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    private WitnessCheckpointSink sink(String path, String authorization) {
        return new WitnessCheckpointSink(URI.create(base + path), SHORT, SHORT, true, authorization);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client hung up on purpose (oversized answer)
        }
        exchange.close();
    }
}
