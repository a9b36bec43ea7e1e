package io.auditrail.micronaut.client;

import io.auditrail.client.AuditrailClient;
import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * An {@link AuditrailClient} for the hosted audit-log API when {@code audit-client} is on the
 * class path and {@code auditrail.http.base-uri} and {@code api-key} are set: the same keys, and
 * the same {@code reads-enabled}, {@code allow-loopback-http}, {@code read-attempts} and
 * {@code max-retry-wait}, as the Spring Boot starter reads. An application's own client wins.
 */
@Factory
@Requires(classes = AuditrailClient.class)
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.http.reads-enabled", notEquals = "false")
@Requires(property = "auditrail.http.base-uri")
@Requires(property = "auditrail.http.api-key")
class AuditrailClientFactory {

    /**
     * The client.
     *
     * @param configuration {@code auditrail.*}
     * @return a client on {@code auditrail.http.base-uri}
     * @throws IllegalArgumentException naming a bad base URI or key
     */
    @Singleton
    @Requires(missingBeans = AuditrailClient.class)
    AuditrailClient auditrailClient(AuditrailConfiguration configuration) {
        AuditrailSettings.Http http = configuration.getHttp();
        return AuditrailClient.builder().baseUri(http.getBaseUri()).apiKey(http.getApiKey())
                .connectTimeout(http.getConnectTimeout()).requestTimeout(http.getRequestTimeout())
                .allowLoopbackHttp(http.isAllowLoopbackHttp()).maxAttempts(http.getReadAttempts())
                .maxRetryWait(http.getMaxRetryWait()).build();
    }
}
