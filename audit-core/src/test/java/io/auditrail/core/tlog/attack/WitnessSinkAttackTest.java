package io.auditrail.core.tlog.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.core.tlog.WitnessCheckpointSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The witness URL and the witness itself are hostile: an operator-supplied URL that tries to reach
 * something it should not, and a witness on a real HTTP server that redirects, floods or stalls.
 * The sink must refuse the URL at construction, or count a failure without throwing into sealing.
 */
class WitnessSinkAttackTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    private HttpServer server;
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final SignedNote note = new OfflineAttackBench("acme", 2).checkpoint(2);

    @BeforeEach
    void startWitness() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/target");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/flood", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 256; i++) {
                    body.write(chunk);
                }
            } catch (IOException e) {
                // the sink hung up past its cap: what this witness wanted to test
            }
        });
        server.createContext("/stall", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopWitness() {
        release.countDown();
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void urlsThatLeaveHttpsOrLoopbackOrCarryCredentialsAreRefusedAtConstruction() {
        List<String> hostile = List.of("http://example.com/witness", "http://localhost.example.com/w",
                "http://127.0.0.1.nip.io/w", "file:///etc/passwd", "ftp://127.0.0.1/w", "jar:file:/x!/y",
                "https://user:secret@witness.example/w", "https://witness.example/w#frag", "//witness.example/w",
                "/relative/witness", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/w",
                "http://[::ffff:a9fe:a9fe]/w", "gopher://127.0.0.1:25/x");
        for (String url : hostile) {
            assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create(url), SHORT, SHORT, true, null))
                    .as(url).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create("http://127.0.0.1/w"), SHORT, SHORT, false, null))
                .as("plain http to loopback only when allowed").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create("https://witness.example/w"), SHORT, SHORT, false,
                "Bearer x\r\nX-Injected: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WitnessCheckpointSink(URI.create("https://witness.example/w"), Duration.ZERO,
                SHORT, false, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        WitnessCheckpointSink sink = sink("/redirect");
        sink.publish("acme", note);
        assertThat(sink.failures()).isEqualTo(1);
        assertThat(sink.published()).isZero();
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void aFloodingWitnessIsCutOffAtTheCapAndCountsAsAFailure() {
        WitnessCheckpointSink sink = sink("/flood");
        sink.publish("acme", note);
        assertThat(sink.failures()).isEqualTo(1);
        assertThat(sink.published()).isZero();
    }

    @Test
    void aStallingWitnessCountsAsAFailureAndDoesNotThrowIntoSealing() {
        WitnessCheckpointSink sink = sink("/stall");
        sink.publish("acme", note);
        sink.publish("acme\nFAKE LOG LINE", note);
        assertThat(sink.failures()).isEqualTo(2);
    }

    @Test
    void theSinkNeverNamesItsQueryStringOrAuthorizationInItsDescription() {
        WitnessCheckpointSink sink = new WitnessCheckpointSink(URI.create("https://witness.example/w?token=s3cret"),
                SHORT, SHORT, false, "Bearer t0ken");
        assertThat(sink.toString()).doesNotContain("s3cret").doesNotContain("t0ken");
    }

    private WitnessCheckpointSink sink(String path) {
        return new WitnessCheckpointSink(URI.create("http://127.0.0.1:" + port() + path), SHORT, SHORT, true, null);
    }
}
