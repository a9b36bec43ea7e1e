package io.auditrail.spring.autoconfigure;

import io.auditrail.client.AuditrailClient;
import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditStore;
import io.auditrail.spring.web.read.AuditEventReader;
import io.auditrail.spring.web.read.HostedEventReader;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hosted-API client, when events go to the hosted audit-log API ({@code auditrail.sink}
 * includes {@code http}) and {@code audit-client} is on the class path, built from the sink's
 * {@code auditrail.http.*} group (one place for the API and its key, which Micronaut binds too:
 * base URI, key, timeouts, and the client's {@code reads-enabled}, {@code allow-loopback-http},
 * {@code read-attempts}, {@code max-retry-wait}); and, in a servlet application,
 * the {@link HostedEventReader} the read endpoints and the viewer then use instead of a store.
 */
@AutoConfiguration(after = {AuditrailAutoConfiguration.class, AuditrailJdbcAutoConfiguration.class},
        before = AuditrailReadAutoConfiguration.class)
@ConditionalOnClass(AuditrailClient.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditrail.http.reads-enabled", matchIfMissing = true)
@ConditionalOnSink("http")
@EnableConfigurationProperties(AuditrailProperties.class)
public final class AuditrailClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditrailClient auditrailClient(AuditrailProperties properties) {
        AuditrailSettings.Http http = properties.getHttp();
        if (http.getBaseUri() == null || http.getApiKey() == null) {
            throw new IllegalStateException("auditrail.sink includes http, so auditrail.http.base-uri and "
                    + "auditrail.http.api-key must be set (or set auditrail.http.reads-enabled=false to read nothing back)");
        }
        try {
            return AuditrailClient.builder().baseUri(http.getBaseUri()).apiKey(http.getApiKey())
                    .connectTimeout(http.getConnectTimeout()).requestTimeout(http.getRequestTimeout())
                    .allowLoopbackHttp(http.isAllowLoopbackHttp()).maxAttempts(http.getReadAttempts())
                    .maxRetryWait(http.getMaxRetryWait()).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("auditrail.http: " + e.getMessage()
                    + " (set auditrail.http.reads-enabled=false to create no client)", e);
        }
    }

    /**
     * The endpoints themselves stay in their own auto-configuration. With a store of the
     * application's as well (sinks {@code jdbc,http}) the store is read: it has cursors and the chain.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class HostedReads {

        @Bean
        @ConditionalOnMissingBean({AuditEventReader.class, AuditStore.class})
        AuditEventReader hostedEventReader(AuditrailClient client, AuditEventCodec codec) {
            return new HostedEventReader(client, codec);
        }
    }
}
