package io.auditrail.core.tlog;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each signed checkpoint note ({@code text/plain; charset=utf-8}) to a witness URL, so that
 * a party outside the operator's reach holds every tree head. The URL is operator input and
 * treated as hostile: {@code https} only ({@code http} only to a loopback address, and only when
 * allowed), no user info, redirects never followed, connect and whole-exchange timeouts, the
 * response body read up to {@value #MAX_RESPONSE_BYTES} bytes and discarded. Any answer but 2xx
 * within those limits is a failure: counted, logged at WARN with the URL stripped of its query,
 * never thrown, so that publishing never breaks sealing. Thread-safe.
 */
public final class WitnessCheckpointSink implements CheckpointSink {

    /** The most response bytes read before the exchange counts as failed. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WitnessCheckpointSink.class);

    private final URI url;
    private final String loggedUrl;
    private final Duration requestTimeout;
    private final @Nullable String authorization;
    private final HttpClient client;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * Creates the sink.
     *
     * @param url the witness endpoint
     * @param connectTimeout the most time to open a connection
     * @param requestTimeout the most time for the whole exchange, response body included
     * @param allowHttpToLoopback whether plain {@code http} is allowed to a loopback address (tests,
     *     a witness beside the application)
     * @param authorization the {@code Authorization} header value, or {@code null}; never logged
     * @throws IllegalArgumentException when the URL breaks the rules above, a timeout is not
     *     positive, or the header value has line breaks
     */
    public WitnessCheckpointSink(URI url, Duration connectTimeout, Duration requestTimeout, boolean allowHttpToLoopback,
            @Nullable String authorization) {
        this.url = checked(url, allowHttpToLoopback);
        this.loggedUrl = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("witness timeouts must be positive");
        }
        if (authorization != null && authorization.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the witness Authorization value cannot contain control characters");
        }
        this.requestTimeout = requestTimeout;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void publish(@Nullable String organizationId, SignedNote checkpoint) {
        String failure;
        try {
            failure = post(checkpoint.format());
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName();
        }
        if (failure == null) {
            published.incrementAndGet();
            return;
        }
        failures.incrementAndGet();
        LOG.warn("Could not hand the checkpoint of organisation {} to the witness {}: {}", organizationId, loggedUrl,
                failure);
    }

    /**
     * How many checkpoints the witness accepted.
     *
     * @return the count since start
     */
    public long published() {
        return published.get();
    }

    /**
     * How many checkpoints could not be handed over.
     *
     * @return the count since start
     */
    public long failures() {
        return failures.get();
    }

    private @Nullable String post(String note) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<Long>> exchange =
                client.sendAsync(request.build(), response -> new CappedDiscard());
        try {
            HttpResponse<Long> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                return "HTTP " + status + ", redirects are not followed";
            }
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return noAnswer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return "interrupted";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof ResponseTooLarge) {
                    return t.getMessage();
                }
                if (t instanceof HttpTimeoutException) {
                    return noAnswer();
                }
            }
            return cause.getClass().getSimpleName();
        }
    }

    /** The client's own timeout (until the headers) and the whole-exchange deadline race; both read the same. */
    private String noAnswer() {
        return "no complete answer within " + requestTimeout.toMillis() + " ms";
    }

    private static URI checked(URI url, boolean allowHttpToLoopback) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !url.isAbsolute()) {
            throw new IllegalArgumentException("the witness URL must be absolute with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the witness URL cannot carry credentials; use the Authorization setting");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("the witness URL cannot have a fragment");
        }
        if ("https".equals(scheme)) {
            return url;
        }
        if ("http".equals(scheme) && allowHttpToLoopback && isLoopback(url.getHost())) {
            return url;
        }
        throw new IllegalArgumentException("the witness URL must use https (plain http only to a loopback address,"
                + " when allowed) but was " + scheme + "://" + url.getHost());
    }

    /** Literal addresses and {@code localhost} only: a name that DNS resolves can change after the check. */
    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Thrown into the exchange when the witness answers with more than the cap. */
    private static final class ResponseTooLarge extends Exception {

        private static final long serialVersionUID = 1L;

        ResponseTooLarge() {
            super("response body over " + MAX_RESPONSE_BYTES + " bytes", null, false, false);
        }
    }

    /** Counts and drops the response body, cancelling the exchange past the cap. */
    private static final class CappedDiscard implements HttpResponse.BodySubscriber<Long> {

        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;
        private long bytes;

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                bytes += buffer.remaining();
            }
            if (bytes > MAX_RESPONSE_BYTES && !result.isDone()) {
                result.completeExceptionally(new ResponseTooLarge());
                if (subscription != null) {
                    subscription.cancel();
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes);
        }
    }

    @Override
    public String toString() {
        return "WitnessCheckpointSink[" + loggedUrl + "]";
    }
}
