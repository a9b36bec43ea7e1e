package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.auditrail.core.stream.StreamService;
import io.auditrail.core.stream.StreamSettings;
import io.auditrail.jdbc.stream.JdbcStreams;
import io.auditrail.spring.internal.streams.MicrometerStreamMonitor;
import io.auditrail.spring.internal.streams.StreamDelivery;
import io.auditrail.spring.web.read.AuditStreamsController;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.csrf.CsrfToken;

class AuditrailStreamsAutoConfigurationTests {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private WebApplicationContextRunner runner() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:streams-autoconfig-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class,
                        AuditrailJdbcAutoConfiguration.class, AuditrailSecurityAutoConfiguration.class,
                        AuditrailReadAutoConfiguration.class, AuditrailStreamsAutoConfiguration.class,
                        AuditrailStreamsWebAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("auditrail.dispatch=sync");
    }

    @Test
    void offByDefault() {
        runner().withPropertyValues("auditrail.web.enabled=true").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(JdbcStreams.class).doesNotHaveBean(StreamService.class)
                .doesNotHaveBean(AuditStreamsController.class));
    }

    @Test
    void switchedOnWithoutAKeyTheStartFailsNamingTheKey() {
        runner().withPropertyValues("auditrail.streams.enabled=true").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageStartingWith("auditrail.streams.encryption-key must be set when"));
        runner().withPropertyValues("auditrail.streams.enabled=true", "auditrail.streams.encryption-key=c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("auditrail.streams.encryption-key must decode to 16, 24 or 32 bytes"));
        runner().withPropertyValues("auditrail.streams.enabled=true", "auditrail.streams.encryption-key=" + KEY,
                        "auditrail.streams.batch-size=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("auditrail.streams.batch-size must be between 1 and 10000"));
    }

    @Test
    void propertiesBecomeCoresSettings() {
        AuditrailStreamsProperties properties = new AuditrailStreamsProperties();
        properties.setEncryptionKey(KEY);
        properties.setAllowedDestinations(List.of("127.0.0.1/32", "siem.internal"));
        properties.setAllowPlainHttp(true);
        properties.setBatchSize(500);
        properties.setPollInterval(Duration.ofMillis(200));
        properties.setRetryInitialBackoff(Duration.ofSeconds(2));
        properties.setRetryMaxBackoff(Duration.ofMinutes(1));
        StreamSettings settings = properties.toSettings();
        assertThat(settings.allowedDestinations()).containsExactly("127.0.0.1/32", "siem.internal");
        assertThat(settings.allowPlainHttp()).isTrue();
        assertThat(settings.batchSize()).isEqualTo(500);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoff().initial()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff().max()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.maxResponseBytes()).isEqualTo(64 * 1024);
        properties.setRetryMaxBackoff(Duration.ofSeconds(1));
        assertThatIllegalArgumentException().isThrownBy(properties::toSettings)
                .withMessageStartingWith("auditrail.streams.retry-initial-backoff must be positive and at most"
                        + " auditrail.streams.retry-max-backoff");
    }

    @Test
    void switchedOnTheEngineTheDeliveryTheMetersAndWithTheReadEndpointsTheEndpointsStart() {
        runner().withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("auditrail.streams.enabled=true", "auditrail.streams.encryption-key=" + KEY,
                        "auditrail.web.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JdbcStreams.class)
                        .hasSingleBean(StreamService.class).hasSingleBean(StreamDelivery.class)
                        .hasSingleBean(MicrometerStreamMonitor.class).hasSingleBean(AuditStreamsController.class));
        runner().withPropertyValues("auditrail.streams.enabled=true", "auditrail.streams.encryption-key=" + KEY,
                        "auditrail.streams.delivery-enabled=false")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(StreamService.class)
                        .doesNotHaveBean(StreamDelivery.class).doesNotHaveBean(MicrometerStreamMonitor.class)
                        .doesNotHaveBean(AuditStreamsController.class));
    }

    @Test
    void theEndpointsNeedTheReadEndpointsAndSpringSecurityWeb() {
        runner().withBean(StreamService.class, NoStreams::new)
                .withPropertyValues("auditrail.web.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AuditStreamsController.class)
                        .doesNotHaveBean(JdbcStreams.class));
        runner().withBean(StreamService.class, NoStreams::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditStreamsController.class));
        runner().withBean(StreamService.class, NoStreams::new).withPropertyValues("auditrail.web.enabled=true")
                .withClassLoader(new FilteredClassLoader(CsrfToken.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditStreamsController.class));
    }
}
