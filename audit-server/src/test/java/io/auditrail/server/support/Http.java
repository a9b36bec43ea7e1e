package io.auditrail.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client for contract tests: no Spring test client between the test and the wire. */
public final class Http {

    /** Parses answers. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /**
     * Creates a client for one server.
     *
     * @param base the server's base URI
     */
    public Http(URI base) {
        this.base = base;
    }

    /** An answer. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        /**
         * The body as JSON.
         *
         * @return the parsed body
         */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /**
         * A header.
         *
         * @param name header name
         * @return its first value, or {@code null}
         */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /**
     * A request builder for a path with a bearer key.
     *
     * @param path path and query
     * @param key bearer key, or {@code null} for none
     * @return the builder
     */
    public HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    /**
     * GET.
     *
     * @param path path and query
     * @param key bearer key, or {@code null}
     * @return the answer
     */
    public Answer get(String path, String key) {
        return send(request(path, key).GET());
    }

    /**
     * POST of a JSON body.
     *
     * @param path path
     * @param key bearer key, or {@code null}
     * @param json the body
     * @param headers extra header name/value pairs
     * @return the answer
     */
    public Answer post(String path, String key, String json, String... headers) {
        HttpRequest.Builder builder = request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /**
     * Sends any request.
     *
     * @param builder the request
     * @return the answer
     */
    public Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
