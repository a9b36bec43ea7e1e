package io.auditrail.core.stream.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback that checks each request's Standard Webhooks signature with its
 * own implementation of the specification (HMAC-SHA256 over {@code id.timestamp.body}, keyed by the
 * base64 after {@code whsec_}), and keeps what it received. Shared by the modules whose tests
 * deliver log streams to a real receiver.
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One request as received, and whether its signature held.
     *
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header
     * @param signature the {@code webhook-signature} header
     * @param body the request body
     * @param signatureValid whether one of the signatures matched the secret
     */
    public record Received(String id, String timestamp, String signature, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final byte[] key;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * Starts the receiver on a free loopback port.
     *
     * @param secret the stream's secret, {@code whsec_} and base64
     * @throws IOException when the server cannot start
     */
    public WebhookReceiver(String secret) throws IOException {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            received.add(new Received(id, timestamp, signature, body, valid(id, timestamp, signature, body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /**
     * What arrived so far, in order; live, safe to read while requests arrive.
     *
     * @return the requests
     */
    public List<Received> received() {
        return received;
    }

    /**
     * The receiver's address.
     *
     * @return {@code http://127.0.0.1:<port>/hook}
     */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private boolean valid(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
