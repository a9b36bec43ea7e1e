package io.auditrail.core.http;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.UnsafeCharacters;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends events to the hosted audit-log API, one {@code POST /v1/events} per event in the
 * API's wire shape (fields the API lacks travel in {@code metadata._auditrail}), with the
 * event id as {@code Idempotency-Key} so a retried batch stores each event once.
 *
 * <p>Requests run concurrently up to the configured bound over the client's kept-alive
 * connections. Outcomes map onto {@link AuditSinkException}: connection failures, timeouts,
 * 5xx, 408 and 429 are retryable (with the longest {@code Retry-After} the API sent); 400,
 * 401, 403, 404, 413 and 422 reject that event for good, with the API's reason.
 */
public final class HostedApiSink implements AuditSink {

    private static final String USER_AGENT = "auditrail-java/0.1";

    private final HostedApiSettings settings;
    private final AuditEventCodec codec;
    private final HttpClient client;
    private final Clock clock;
    private final URI eventsUri;

    /**
     * Creates a sink with its own HTTP client.
     *
     * @param settings where and how to reach the API
     * @param codec writes the wire shape
     */
    public HostedApiSink(HostedApiSettings settings, AuditEventCodec codec) {
        this(settings, codec, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build(), Clock.systemUTC());
    }

    /**
     * Creates a sink on a given client and clock, for tests.
     *
     * @param settings where and how to reach the API
     * @param codec writes the wire shape
     * @param client the HTTP client
     * @param clock reads HTTP-date {@code Retry-After} values
     */
    public HostedApiSink(HostedApiSettings settings, AuditEventCodec codec, HttpClient client, Clock clock) {
        this.settings = settings;
        this.codec = codec;
        this.client = client;
        this.clock = clock;
        String base = settings.baseUri().toString();
        this.eventsUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/events");
    }

    @Override
    public void write(List<AuditEvent> events) {
        List<Result> results = new ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += settings.maxConcurrency()) {
            List<AuditEvent> wave = events.subList(from, Math.min(events.size(), from + settings.maxConcurrency()));
            List<CompletableFuture<Result>> sent = wave.stream().map(this::send).toList();
            sent.forEach(future -> results.add(future.join()));
        }
        throwIfNotAllStored(results);
    }

    @Override
    public String name() {
        return "http";
    }

    private CompletableFuture<Result> send(AuditEvent event) {
        HttpRequest request = HttpRequest.newBuilder(eventsUri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Idempotency-Key", event.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(codec.toHostedApiJson(event)))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error == null ? classify(event, response) : failed(event, error));
    }

    private Result classify(AuditEvent event, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300 || status == 409) {
            return Result.stored(event);
        }
        String reason = "HTTP " + status + brief(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            return Result.retryable(event, reason,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
        }
        return Result.rejected(event, reason);
    }

    private static Result failed(AuditEvent event, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason = cause instanceof HttpTimeoutException ? "timed out" : cause instanceof IOException
                ? "connection failed: " + describe(cause) : cause.toString();
        return Result.retryable(event, reason, null);
    }

    /** The JDK's refused connection is a {@code ConnectException} without a message: name the root cause. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private void throwIfNotAllStored(List<Result> results) {
        List<AuditSinkException.Rejection> rejections = new ArrayList<>();
        Duration retryAfter = null;
        String firstTransient = null;
        int transientCount = 0;
        for (Result result : results) {
            switch (result.kind) {
                case STORED -> { }
                case REJECTED -> rejections.add(new AuditSinkException.Rejection(result.event, result.reason));
                case TRANSIENT -> {
                    transientCount++;
                    firstTransient = firstTransient == null ? result.reason : firstTransient;
                    if (result.retryAfter != null && (retryAfter == null || result.retryAfter.compareTo(retryAfter) > 0)) {
                        retryAfter = result.retryAfter;
                    }
                }
            }
        }
        if (transientCount > 0) {
            throw new AuditSinkException(transientCount + " of " + results.size() + " events not stored by "
                    + eventsUri + ", first: " + firstTransient, null, true, retryAfter, rejections);
        }
        if (!rejections.isEmpty()) {
            throw new AuditSinkException(rejections.size() + " of " + results.size() + " events refused by "
                    + eventsUri + ", first: " + rejections.get(0).reason(), null, false, null, rejections);
        }
    }

    private static String brief(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = UnsafeCharacters.escape(body.replaceAll("\\s+", " ").trim());
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }

    private enum Kind { STORED, TRANSIENT, REJECTED }

    private record Result(Kind kind, AuditEvent event, String reason, Duration retryAfter) {
        static Result stored(AuditEvent event) {
            return new Result(Kind.STORED, event, null, null);
        }

        static Result retryable(AuditEvent event, String reason, Duration retryAfter) {
            return new Result(Kind.TRANSIENT, event, reason, retryAfter);
        }

        static Result rejected(AuditEvent event, String reason) {
            return new Result(Kind.REJECTED, event, reason, null);
        }
    }
}
