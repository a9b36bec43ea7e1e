package io.auditrail.core.http;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the {@link HostedApiSink} reaches the audit-log API.
 *
 * @param baseUri the API's base, for example {@code https://api.example.com}; events go to {@code /v1/events}
 * @param apiKey the organisation's API key, sent as {@code Authorization: Bearer}
 * @param connectTimeout longest wait for a connection
 * @param requestTimeout longest wait for one response
 * @param maxConcurrency most requests in flight at once
 */
public record HostedApiSettings(URI baseUri, String apiKey, Duration connectTimeout, Duration requestTimeout,
        int maxConcurrency) {

    /** Checks the values, so a misconfiguration fails at start-up rather than on the first event. */
    public HostedApiSettings {
        if (baseUri == null || !("http".equals(baseUri.getScheme()) || "https".equals(baseUri.getScheme()))
                || baseUri.getHost() == null) {
            throw new IllegalArgumentException("the audit API base URI must be an absolute http(s) URI but was " + baseUri);
        }
        if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException("the audit API key must be set and hold no whitespace or control characters");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("audit API timeouts must be positive");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1 but was " + maxConcurrency);
        }
    }

    /**
     * Settings with 5-second connect and 10-second request timeouts and 8 requests in flight.
     *
     * @param baseUri the API's base
     * @param apiKey the API key
     * @return the settings
     */
    public static HostedApiSettings of(URI baseUri, String apiKey) {
        return new HostedApiSettings(baseUri, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(10), 8);
    }

    /** Keeps the key out of logs and error messages. */
    @Override
    public String toString() {
        return "HostedApiSettings[baseUri=" + baseUri + ", apiKey=****, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxConcurrency=" + maxConcurrency + "]";
    }
}
