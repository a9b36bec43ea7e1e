package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.spring.web.read.AuditReadController;
import io.auditrail.spring.web.read.AuditReadScope;
import io.auditrail.spring.web.read.AuditReadScopeResolver;
import io.auditrail.spring.web.read.AuditViewerController;
import io.auditrail.spring.web.read.SecurityAuditReadScopeResolver;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditrailReadAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class,
                    AuditrailSecurityAutoConfiguration.class, AuditrailReadAutoConfiguration.class))
            .withUserConfiguration(Store.class)
            .withPropertyValues("auditrail.dispatch=sync");

    @Configuration(proxyBeanMethods = false)
    static class Store {
        @Bean
        JdbcAuditStore auditStore() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:read-autoconfig;DB_CLOSE_DELAY=-1");
            return JdbcAuditStore.builder(dataSource).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnScope {
        @Bean
        AuditReadScopeResolver ownScope() {
            return authentication -> Optional.of(new AuditReadScope("acme", authentication.getName(), false));
        }
    }

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditReadController.class)
                .doesNotHaveBean(AuditViewerController.class).doesNotHaveBean(AuditReadScopeResolver.class));
    }

    @Test
    void switchedOnServesTheEndpointsTheViewerAndTheDefaultScope() {
        runner.withPropertyValues("auditrail.web.enabled=true").run(context -> assertThat(context)
                .hasSingleBean(AuditReadController.class).hasSingleBean(AuditViewerController.class)
                .getBean(AuditReadScopeResolver.class).isInstanceOf(SecurityAuditReadScopeResolver.class));
    }

    @Test
    void theDefaultOrganisationScopesReadsOnlyWithoutAResolverOfTheApplications() {
        UsernamePasswordAuthenticationToken admin = UsernamePasswordAuthenticationToken.authenticated("ann", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_AUDIT_ADMIN")));
        runner.withPropertyValues("auditrail.web.enabled=true", "auditrail.default-organization-id=acme")
                .run(context -> assertThat(context.getBean(AuditReadScopeResolver.class).resolve(admin))
                        .hasValueSatisfying(scope -> assertThat(scope.organizationId()).isEqualTo("acme")));
        runner.withPropertyValues("auditrail.web.enabled=true", "auditrail.default-organization-id=acme")
                .withBean(OrganizationResolver.class, () -> Optional::empty)
                .run(context -> assertThat(context.getBean(AuditReadScopeResolver.class).resolve(admin))
                        .as("a caller the application's resolver cannot place reads nothing").isEmpty());
    }

    @Test
    void theViewerCanBeLeftOut() {
        runner.withPropertyValues("auditrail.web.enabled=true", "auditrail.web.viewer-enabled=false")
                .run(context -> assertThat(context).hasSingleBean(AuditReadController.class)
                        .doesNotHaveBean(AuditViewerController.class));
    }

    @Test
    void aUserScopeReplacesTheDefault() {
        runner.withPropertyValues("auditrail.web.enabled=true").withUserConfiguration(OwnScope.class)
                .run(context -> assertThat(context).getBean(AuditReadScopeResolver.class)
                        .isNotInstanceOf(SecurityAuditReadScopeResolver.class));
    }

    @Test
    void backsOffWithoutAStore() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class,
                        AuditrailReadAutoConfiguration.class))
                .withPropertyValues("auditrail.web.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditReadController.class));
    }

    @Test
    void backsOffOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class,
                        AuditrailReadAutoConfiguration.class))
                .withUserConfiguration(Store.class)
                .withPropertyValues("auditrail.web.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditReadController.class));
    }

    @Test
    void backsOffWithoutSpringSecurityBecauseNobodyCouldBeScoped() {
        runner.withPropertyValues("auditrail.web.enabled=true")
                .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
                .run(context -> assertThat(context).doesNotHaveBean(AuditReadController.class));
    }

    @Test
    void aBasePathTheMappingsCannotUseFailsStartUp() {
        runner.withPropertyValues("auditrail.web.enabled=true", "auditrail.web.base-path=/audit/")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("auditrail.web.base-path"));
    }
}
