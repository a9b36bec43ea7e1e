package io.auditrail.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP proxy in front of the real server that injects faults from a script: each
 * request takes the next fault, and requests beyond the script pass through. It records
 * every request's {@code Idempotency-Key} and what was answered.
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Fault {
    }

    /**
     * Answer with a status (and optional Retry-After) without reaching the server.
     *
     * @param status the status
     * @param retryAfter the Retry-After header, or {@code null}
     */
    public record Status(int status, String retryAfter) implements Fault {
    }

    /**
     * Forward to the server, then hold the answer back.
     *
     * @param delay how long the answer is held
     */
    public record Slow(Duration delay) implements Fault {
    }

    /**
     * One request seen.
     *
     * @param idempotencyKey its Idempotency-Key header
     * @param answered the status sent back
     * @param reachedServer whether it was forwarded
     */
    public record Seen(String idempotencyKey, int answered, boolean reachedServer) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Queue<Fault> script = new ConcurrentLinkedQueue<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /**
     * Starts the proxy on a random loopback port.
     *
     * @param target the real server
     */
    public FaultProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * The proxy's base URI.
     *
     * @return the URI to point a client at
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Queues faults for the next requests.
     *
     * @param faults in order
     */
    public void script(Fault... faults) {
        script.addAll(List.of(faults));
    }

    /**
     * Requests seen so far.
     *
     * @return the requests, in order
     */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Forgets the script and what was seen. */
    public void reset() {
        script.clear();
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Fault fault = script.poll();
            if (fault instanceof Status status) {
                if (status.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", status.retryAfter());
                }
                reply(exchange, status.status(), "{\"error\":\"injected " + status.status() + "\"}");
                seen.add(new Seen(key, status.status(), false));
                return;
            }
            HttpResponse<String> response = forward(exchange, body);
            seen.add(new Seen(key, response.statusCode(), true));
            if (fault instanceof Slow slow) {
                Thread.sleep(slow.delay().toMillis());
            }
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a timeout we injected); nothing to answer.
        }
    }

    private HttpResponse<String> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
