package io.auditrail.client.internal;

import io.auditrail.client.AuditrailClientException;
import io.auditrail.client.AuditrailConnectionException;
import io.auditrail.client.AuditrailTimeoutException;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.Sleeper;
import io.auditrail.core.http.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to the API and hands back the 2xx response's body as a stream, or throws
 * the typed exception for what went wrong. A request marked retryable is sent again after a
 * timeout, a lost connection, 408, 429 or 5xx, with capped exponential backoff and never sooner
 * than the API's {@code Retry-After}; a {@code Retry-After} longer than the retry budget ends
 * the call at once, so a caller never hangs on a monthly quota. The API key goes only into the
 * {@code Authorization} header: never into a log line or an exception message.
 */
public final class Transport {

    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    private static final String USER_AGENT = "auditrail-java-client/0.1";
    private static final int ERROR_BODY_LIMIT = 4096;

    private final HttpClient client;
    private final String base;
    private final String authorization;
    private final TransportSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * Creates the transport.
     *
     * @param client the JDK client
     * @param baseUri the API's base, already validated
     * @param apiKey the API key, already validated
     * @param settings timeouts and retries
     * @param sleeper waits between retries
     * @param clock reads HTTP-date {@code Retry-After} values
     */
    public Transport(HttpClient client, URI baseUri, String apiKey, TransportSettings settings, Sleeper sleeper,
            Clock clock) {
        this.client = client;
        String text = baseUri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.authorization = "Bearer " + apiKey;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Sends a request.
     *
     * @param method {@code GET} or {@code POST}
     * @param pathAndQuery for example {@code /v1/events?limit=20}
     * @param body JSON body for a POST, else {@code null}
     * @param idempotencyKey sent as {@code Idempotency-Key}, or {@code null}
     * @param retryable whether sending the request twice is harmless
     * @return the 2xx response; the caller closes its body
     * @throws AuditrailClientException for every failure, typed by its cause
     */
    public HttpResponse<InputStream> send(String method, String pathAndQuery, @Nullable String body,
            @Nullable String idempotencyKey, boolean retryable) {
        URI uri = URI.create(base + pathAndQuery);
        int attempts = retryable ? settings.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = request(method, uri, body, idempotencyKey);
            AuditrailClientException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                log.debug("{} {} -> {}", method, uri, status);
                if (status >= 200 && status < 300) {
                    return response;
                }
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
                failure = ApiErrors.of(status, errorText(response), retryAfter);
                if (!(status == 408 || status == 429 || status >= 500)) {
                    throw failure;
                }
            } catch (HttpTimeoutException e) {
                failure = new AuditrailTimeoutException(method + " " + uri + " timed out after "
                        + settings.requestTimeout().toMillis() + " ms", e);
            } catch (InterruptedIOException | InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditrailClientException(method + " " + uri + " was interrupted", e);
            } catch (IOException e) {
                failure = new AuditrailConnectionException(method + " " + uri + " failed: " + describe(e), e);
            }
            Duration wait = wait(attempt, retryAfter);
            if (attempt >= attempts || wait.compareTo(settings.maxRetryWait()) > 0) {
                throw failure;
            }
            log.warn("Audit API {} {} failed ({}); attempt {} of {} in {} ms", method, uri, failure.getMessage(),
                    attempt + 1, attempts, wait.toMillis());
            sleep(wait, failure);
        }
    }

    private HttpRequest request(String method, URI uri, @Nullable String body, @Nullable String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private Duration wait(int attempt, @Nullable Duration retryAfter) {
        Duration backoff = settings.backoff().delay(attempt, ThreadLocalRandom.current().nextDouble());
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    private void sleep(Duration wait, AuditrailClientException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private static String errorText(HttpResponse<InputStream> response) throws IOException {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(ERROR_BODY_LIMIT);
        }
        return ApiErrors.reason(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), response.statusCode());
    }

    /** The JDK's refused connection is a {@code ConnectException} without a message: name the root cause. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /**
     * Timeouts and retries of a {@link Transport}.
     *
     * @param requestTimeout longest wait for one response's headers
     * @param maxAttempts attempts of a retryable request, at least 1
     * @param backoff waits between attempts
     * @param maxRetryWait a {@code Retry-After} or backoff longer than this ends the call instead of waiting
     */
    public record TransportSettings(Duration requestTimeout, int maxAttempts, RetryBackoff backoff,
            Duration maxRetryWait) {
    }
}
