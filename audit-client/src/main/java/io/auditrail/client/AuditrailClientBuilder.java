package io.auditrail.client;

import io.auditrail.client.internal.Transport;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.Sleeper;
import io.auditrail.core.json.AuditEventCodec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link AuditrailClient}, checking every value so a misconfiguration fails at
 * start-up with a message naming it. The base URI must be {@code https}: the API key travels in
 * every request. Plain {@code http} is accepted only to a loopback address and only after
 * {@link #allowLoopbackHttp(boolean)}, for a local {@code audit-server} and tests.
 */
public final class AuditrailClientBuilder {

    private @Nullable URI baseUri;
    private @Nullable String apiKey;
    private boolean allowLoopbackHttp;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.2);
    private Duration maxRetryWait = Duration.ofSeconds(30);
    private @Nullable HttpClient httpClient;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private Clock clock = Clock.systemUTC();

    AuditrailClientBuilder() {
    }

    /**
     * The API's base, without {@code /v1}.
     *
     * @param baseUri for example {@code https://audit.example.com}
     * @return this
     */
    public AuditrailClientBuilder baseUri(String baseUri) {
        try {
            return baseUri(new URI(baseUri));
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("audit API base URI is not a URI: '" + baseUri + "'", e);
        }
    }

    /**
     * The API's base, without {@code /v1}.
     *
     * @param baseUri for example {@code https://audit.example.com}
     * @return this
     */
    public AuditrailClientBuilder baseUri(URI baseUri) {
        this.baseUri = baseUri;
        return this;
    }

    /**
     * The organisation's API key, sent as {@code Authorization: Bearer}.
     *
     * @param apiKey the key
     * @return this
     */
    public AuditrailClientBuilder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /**
     * Whether plain {@code http} may be used to a loopback address (a local server, tests).
     *
     * @param allow {@code true} to allow; {@code false} by default
     * @return this
     */
    public AuditrailClientBuilder allowLoopbackHttp(boolean allow) {
        this.allowLoopbackHttp = allow;
        return this;
    }

    /**
     * Longest wait for a connection; 5 seconds by default.
     *
     * @param timeout positive
     * @return this
     */
    public AuditrailClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * Longest wait for a response's headers (an export's body may take longer); 30 seconds by default.
     *
     * @param timeout positive
     * @return this
     */
    public AuditrailClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /**
     * Attempts of a retryable call; 3 by default, 1 turns retries off.
     *
     * @param maxAttempts 1 to 10
     * @return this
     */
    public AuditrailClientBuilder maxAttempts(int maxAttempts) {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be from 1 to 10 but was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    /**
     * Waits between attempts; 200 ms doubling to 5 s with 20 % jitter by default.
     *
     * @param backoff the backoff
     * @return this
     */
    public AuditrailClientBuilder backoff(RetryBackoff backoff) {
        this.backoff = backoff;
        return this;
    }

    /**
     * Longest wait before a retry; a {@code Retry-After} over it ends the call with the API's
     * error instead (a monthly quota can ask for days). 30 seconds by default.
     *
     * @param maxRetryWait not negative
     * @return this
     */
    public AuditrailClientBuilder maxRetryWait(Duration maxRetryWait) {
        if (maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must not be negative but was " + maxRetryWait);
        }
        this.maxRetryWait = maxRetryWait;
        return this;
    }

    /**
     * The JDK client to send with, for a proxy, TLS settings or an executor of your own.
     *
     * @param httpClient the client; its connect timeout wins over {@link #connectTimeout(Duration)}
     * @return this
     */
    public AuditrailClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * How to wait between retries, for tests that must not really sleep.
     *
     * @param sleeper the sleeper
     * @return this
     */
    public AuditrailClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /**
     * The clock HTTP-date {@code Retry-After} values are measured against.
     *
     * @param clock the clock
     * @return this
     */
    public AuditrailClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalArgumentException naming the first bad or missing value
     */
    public AuditrailClient build() {
        URI base = checkBase(baseUri, allowLoopbackHttp);
        String key = checkKey(apiKey);
        HttpClient client = httpClient != null ? httpClient
                : HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        Transport transport = new Transport(client, base, key,
                new Transport.TransportSettings(requestTimeout, maxAttempts, backoff, maxRetryWait), sleeper, clock);
        return new AuditrailClient(base, transport, new AuditEventCodec());
    }

    private static URI checkBase(@Nullable URI uri, boolean allowLoopbackHttp) {
        if (uri == null) {
            throw new IllegalArgumentException("audit API base URI is required");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("audit API base URI must be an absolute https URI such as "
                    + "https://audit.example.com but was '" + uri + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("audit API base URI must hold no user info, query or fragment "
                    + "(the key goes in apiKey) but was " + scheme + "://" + uri.getHost() + "/…");
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("audit API base URI must use https, since the API key travels "
                        + "in every request, but was '" + uri + "'; plain http is allowed only to a loopback address");
            }
            if (!allowLoopbackHttp) {
                throw new IllegalArgumentException("audit API base URI '" + uri + "' uses plain http; allow it for "
                        + "this loopback address with allowLoopbackHttp(true), or use https");
            }
        }
        return uri;
    }

    /** Only names and literals that cannot leave the machine; no DNS look-up decides this. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.matches("127(\\.\\d{1,3}){3}")
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }

    private static String checkKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("audit API key is required");
        }
        if (key.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException("audit API key must hold no whitespace or control characters");
        }
        return key;
    }

    private static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
        return duration;
    }
}
