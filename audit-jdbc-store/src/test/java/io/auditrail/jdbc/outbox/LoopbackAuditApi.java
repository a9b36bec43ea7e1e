package io.auditrail.jdbc.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for the audit-log API on loopback: {@code POST /v1/events} stores each event once
 * per {@code Idempotency-Key}, as the hosted API and audit-server do, and counts every raw
 * delivery so tests can tell duplicates sent from duplicates stored. Each test can script
 * answers (outages, 429 with {@code Retry-After}, 400). Only the base URI, the stored keys and
 * the delivery counts are used by tests, so a real audit-server can take its place.
 */
public final class LoopbackAuditApi implements AutoCloseable {

    /**
     * What the API answers instead of storing.
     *
     * @param status the HTTP status
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param body the response body
     */
    public record Reply(int status, String retryAfter, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Function<String, Reply> script = key -> null;
    private volatile long delayMillis;
    private volatile CountDownLatch held;

    /**
     * Starts the server on a free loopback port.
     *
     * @throws IOException when no port can be bound
     */
    public LoopbackAuditApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/events", this::handle);
        server.start();
    }

    /**
     * Scripts the answers: a function of the idempotency key giving a reply, or {@code null} to store.
     *
     * @param script the script
     */
    public void script(Function<String, Reply> script) {
        this.script = script;
    }

    /** Stores every event again. */
    public void up() {
        script(key -> null);
    }

    /** Answers every request with 503, as an API in an outage does. */
    public void down() {
        script(key -> new Reply(503, null, "{\"error\":\"unavailable\"}"));
    }

    /**
     * Makes every answer wait, as a slow API does, so that requests are in flight for a while.
     *
     * @param delay the wait before each answer
     */
    public void delay(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /**
     * Holds every request from now on until {@link #release()}, as an API that hangs does; a held
     * request then fails with 503, so its events are stored only when they are sent again.
     */
    public void hold() {
        held = new CountDownLatch(1);
    }

    /** Lets held requests fail and answers the next ones again. */
    public void release() {
        CountDownLatch latch = held;
        held = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /**
     * The API's base URI.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Event ids stored, each once.
     *
     * @return the ids
     */
    public Set<String> storedIds() {
        return Set.copyOf(stored.keySet());
    }

    /**
     * The stored body for an event id.
     *
     * @param id the event id
     * @return the body, or {@code null}
     */
    public String storedBody(String id) {
        return stored.get(id);
    }

    /**
     * How often an event id was delivered, duplicates and refused attempts included.
     *
     * @param id the event id
     * @return the count
     */
    public int deliveries(String id) {
        AtomicInteger count = deliveries.get(id);
        return count == null ? 0 : count.get();
    }

    /**
     * Every request received.
     *
     * @return the count
     */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod()) || key == null) {
                respond(exchange, 400, null, "{\"error\":\"POST with an Idempotency-Key expected\"}");
                return;
            }
            deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            CountDownLatch latch = held;
            if (latch != null) {
                latch.await();
                respond(exchange, 503, null, "{\"error\":\"held, then dropped\"}");
                return;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Reply reply = script.apply(key);
            if (reply != null) {
                respond(exchange, reply.status(), reply.retryAfter(), reply.body());
                return;
            }
            boolean fresh = stored.putIfAbsent(key, body) == null;
            respond(exchange, fresh ? 201 : 200, null, "{\"success\":true}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String retryAfter, String body) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
