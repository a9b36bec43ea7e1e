package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.client.AuditrailClient;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.spring.web.read.AuditEventReader;
import io.auditrail.spring.web.read.AuditReadController;
import io.auditrail.spring.web.read.HostedEventReader;
import java.net.URI;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AuditrailClientAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class,
                    AuditrailSecurityAutoConfiguration.class, AuditrailClientAutoConfiguration.class,
                    AuditrailReadAutoConfiguration.class))
            .withPropertyValues("auditrail.dispatch=sync");

    private final WebApplicationContextRunner hosted = runner.withPropertyValues("auditrail.sink=http",
            "auditrail.http.base-uri=https://audit.example.com", "auditrail.http.api-key=al_test-key-0123");

    @Configuration(proxyBeanMethods = false)
    static class Store {
        @Bean
        JdbcAuditStore auditStore() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:client-autoconfig;DB_CLOSE_DELAY=-1");
            return JdbcAuditStore.builder(dataSource).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        AuditrailClient ownClient() {
            return AuditrailClient.builder().baseUri("https://own.example.com").apiKey("al_own").build();
        }
    }

    @Test
    void theHttpSinkGetsAClientOnItsBaseUriAndTheEndpointsReadThroughIt() {
        hosted.withPropertyValues("auditrail.web.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AuditrailClient.class)
                    .hasSingleBean(AuditReadController.class);
            assertThat(context.getBean(AuditrailClient.class).baseUri()).isEqualTo(URI.create("https://audit.example.com"));
            assertThat(context.getBean(AuditEventReader.class)).isInstanceOf(HostedEventReader.class);
        });
    }

    @Test
    void noClientForOtherSinksOrWhenSwitchedOff() {
        runner.withPropertyValues("auditrail.sink=log").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(AuditrailClient.class).doesNotHaveBean(AuditEventReader.class));
        hosted.withPropertyValues("auditrail.http.reads-enabled=false", "auditrail.web.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditrailClient.class)
                        .doesNotHaveBean(AuditReadController.class));
    }

    @Test
    void withoutTheClientModuleNothingIsCreatedAndNothingFails() {
        hosted.withClassLoader(new FilteredClassLoader(AuditrailClient.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditEventReader.class));
    }

    @Test
    void theApplicationsOwnClientWins() {
        hosted.withUserConfiguration(OwnClient.class).run(context -> assertThat(context).hasNotFailed()
                .getBean(AuditrailClient.class).extracting(AuditrailClient::baseUri)
                .isEqualTo(URI.create("https://own.example.com")));
    }

    @Test
    void aStoreOfTheApplicationsIsReadBeforeTheHostedApi() {
        hosted.withPropertyValues("auditrail.sink=jdbc,http", "auditrail.web.enabled=true")
                .withUserConfiguration(Store.class)
                .run(context -> assertThat(context).hasNotFailed().getBean(AuditEventReader.class)
                        .isNotInstanceOf(HostedEventReader.class));
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        hosted.withPropertyValues("auditrail.http.base-uri=http://audit.example.com").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("must use https")
                .hasMessageNotContaining("al_test-key-0123"));
        hosted.withPropertyValues("auditrail.http.base-uri=http://127.0.0.1:8080")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AuditrailClient.class));
        hosted.withPropertyValues("auditrail.http.base-uri=http://127.0.0.1:8080", "auditrail.http.allow-loopback-http=false")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("allowLoopbackHttp"));
    }
}
