package io.auditrail.core.stream;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where a stream delivers, which fixes the request shape and how the secret is used. */
public enum DestinationKind {

    /**
     * Any HTTPS endpoint; each request is signed per the Standard Webhooks specification
     * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}); the secret is a
     * {@code whsec_} key.
     */
    WEBHOOK,

    /** Splunk HTTP Event Collector ({@code /services/collector/event}); the secret is the HEC token. */
    SPLUNK_HEC,

    /** Datadog logs intake ({@code /api/v2/logs}); the secret is the API key. */
    DATADOG;

    private static final Pattern SITE = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*\\.[a-z]{2,}");

    /**
     * The Datadog logs intake URL of a Datadog site.
     *
     * @param site for example {@code datadoghq.com}, {@code datadoghq.eu}, {@code us5.datadoghq.com}
     * @return {@code https://http-intake.logs.<site>/api/v2/logs}
     * @throws InvalidStreamException when the site is not a host name
     */
    public static URI datadogLogsIntake(String site) {
        String normalized = site == null ? "" : site.trim().toLowerCase(Locale.ROOT);
        if (!SITE.matcher(normalized).matches()) {
            throw new InvalidStreamException("Datadog site must be a host name such as datadoghq.com but was '" + site + "'");
        }
        return URI.create("https://http-intake.logs." + normalized + "/api/v2/logs");
    }
}
