package io.auditrail.core.internal.stream.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** Against raw loopback sockets, so the answers can misbehave as a hostile receiver's would. */
class PinnedHttpClientTest {

    private final DestinationGuard guard = new DestinationGuard(java.util.List.of("127.0.0.1/32"), true, HostResolver.SYSTEM);

    @Test
    void readsAtMostTheBoundOfAHugeAnswer() throws Exception {
        try (ServerSocket server = serve(out -> {
            out.write("HTTP/1.1 500 Oops\r\nContent-Length: 100000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[65536];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 1000; i++) {
                out.write(chunk);
            }
        }, null)) {
            HttpAnswer answer = client(Duration.ofSeconds(5)).post(url(server), Map.of(), new byte[0]);
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).hasSize(1024);
        }
    }

    @Test
    void aSilentReceiverTimesOut() throws Exception {
        try (ServerSocket server = serve(out -> sleep(5000), null)) {
            assertThatThrownBy(() -> client(Duration.ofMillis(300)).post(url(server), Map.of(), new byte[0]))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void sendsTheBodyAndHeadersAndDecodesAChunkedAnswer() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        try (ServerSocket server = serve(out -> out.write(("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n"
                + "Retry-After: 7\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)), request)) {
            HttpAnswer answer = client(Duration.ofSeconds(5)).post(URI.create(url(server) + "?a=1"),
                    Map.of("X-Test", "yes"), "{\"k\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo("hello world");
            assertThat(answer.header("retry-after")).isEqualTo("7");
            assertThat(request.get()).startsWith("POST /in?a=1 HTTP/1.1\r\n").contains("X-Test: yes\r\n")
                    .contains("Content-Length: 7\r\n").endsWith("\r\n\r\n{\"k\":1}");
        }
    }

    @Test
    void refusesAHeaderWithALineBreak() throws Exception {
        try (ServerSocket server = serve(out -> { }, null)) {
            assertThatThrownBy(() -> client(Duration.ofSeconds(1)).post(url(server), Map.of("X", "a\r\nHost: evil"),
                    new byte[0])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reusesAKeptAliveConnectionForTheNextRequest() throws Exception {
        List<Integer> clientPorts = new CopyOnWriteArrayList<>();
        try (ServerSocket server = keepAliveServer(clientPorts, 3, false); PinnedHttpClient client = client(Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.post(url(server), Map.of(), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)).status())
                        .isEqualTo(204);
            }
            assertThat(clientPorts).hasSize(3).containsOnly(clientPorts.get(0));
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheReceiverClosedTheIdleOne() throws Exception {
        List<Integer> clientPorts = new CopyOnWriteArrayList<>();
        try (ServerSocket server = keepAliveServer(clientPorts, 2, true); PinnedHttpClient client = client(Duration.ofSeconds(5))) {
            assertThat(client.post(url(server), Map.of(), new byte[0]).status()).isEqualTo(204);
            Thread.sleep(200);
            assertThat(client.post(url(server), Map.of(), new byte[0]).status()).isEqualTo(204);
            assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @Test
    void aConnectionTheReceiverAsksToCloseIsNotReused() throws Exception {
        List<Integer> clientPorts = new CopyOnWriteArrayList<>();
        try (ServerSocket server = serveEach(clientPorts, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                PinnedHttpClient client = client(Duration.ofSeconds(5))) {
            assertThat(client.post(url(server), Map.of(), new byte[0]).body()).isEqualTo("ok");
            assertThat(client.post(url(server), Map.of(), new byte[0]).body()).isEqualTo("ok");
            assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
        }
    }

    /**
     * Answers 204 to {@code requests} requests, recording the client's port for each; keeps the
     * connection open between them unless {@code closeAfterEach}, in which case it closes each one
     * after answering, as a receiver's idle timeout would, without saying so.
     */
    private static ServerSocket keepAliveServer(List<Integer> clientPorts, int requests, boolean closeAfterEach)
            throws IOException {
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            int served = 0;
            try {
                while (served < requests) {
                    try (Socket socket = server.accept()) {
                        do {
                            readRequest(socket.getInputStream());
                            clientPorts.add(socket.getPort());
                            socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            served++;
                        } while (!closeAfterEach && served < requests);
                    }
                }
            } catch (IOException ignored) {
                // the test ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /** Answers every request on every connection with the same bytes, recording the client's port. */
    private static ServerSocket serveEach(List<Integer> clientPorts, String answer) throws IOException {
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    try (Socket socket = server.accept()) {
                        readRequest(socket.getInputStream());
                        clientPorts.add(socket.getPort());
                        socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException ignored) {
                // the test ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed");
            }
            head.append((char) b);
        }
        in.readNBytes(Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1")));
    }

    private PinnedHttpClient client(Duration timeout) {
        return new PinnedHttpClient(guard, Duration.ofSeconds(1), timeout, 1024,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private static URI url(ServerSocket server) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/in");
    }

    interface Responder {
        void respond(OutputStream out) throws IOException;
    }

    private static ServerSocket serve(Responder responder, AtomicReference<String> request) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.read());
                }
                int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                head.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                if (request != null) {
                    request.set(head.toString());
                }
                responder.respond(socket.getOutputStream());
            } catch (IOException ignored) {
                // the client hung up, as a test of bounds makes it do
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
