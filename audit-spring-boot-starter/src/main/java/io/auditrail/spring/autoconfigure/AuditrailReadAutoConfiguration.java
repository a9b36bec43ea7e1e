package io.auditrail.spring.autoconfigure;

import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.store.AuditStore;
import io.auditrail.spring.security.ClaimNames;
import io.auditrail.spring.security.ClaimOrganizationResolver;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import io.auditrail.spring.web.read.AuditContainerErrorValve;
import io.auditrail.spring.web.read.AuditErrorDispatchFilter;
import io.auditrail.spring.web.read.AuditEventReader;
import io.auditrail.spring.web.read.AuditReadController;
import io.auditrail.spring.web.read.AuditReadScopeResolver;
import io.auditrail.spring.web.read.AuditViewerController;
import io.auditrail.spring.web.read.SecurityAuditReadScopeResolver;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The read endpoints and the viewer, switched on by {@code auditrail.web.enabled=true} in a
 * servlet application with Spring Security and an {@link AuditStore} or an {@link AuditEventReader}
 * (the hosted API's, from {@link AuditrailClientAutoConfiguration}). Scoping needs to know who
 * is asking, so without Spring Security nothing is served.
 */
@AutoConfiguration(after = {AuditrailAutoConfiguration.class, AuditrailJdbcAutoConfiguration.class,
        AuditrailSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, SecurityContextHolder.class})
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditrail.web.enabled")
@Conditional(AuditrailReadAutoConfiguration.EventsReadable.class)
public final class AuditrailReadAutoConfiguration {

    /** A store of the application's, or the hosted API's reader: either gives the endpoints something to read. */
    static final class EventsReadable extends AnyNestedCondition {

        EventsReadable() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(AuditStore.class)
        static final class Store {
        }

        @ConditionalOnBean(AuditEventReader.class)
        static final class Reader {
        }
    }

    /** The application's own store, unless a reader (the hosted API's, or the application's) is already there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(AuditStore.class)
    static class StoreReads {

        @Bean
        @ConditionalOnMissingBean
        AuditEventReader auditEventReader(AuditStore store) {
            return AuditEventReader.of(store);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    AuditReadScopeResolver auditReadScopeResolver(AuditrailProperties properties,
            ObjectProvider<OrganizationResolver> organizations) {
        AuditrailProperties.ActorSettings actor = properties.getActor();
        SpringSecurityActorResolver actors = new SpringSecurityActorResolver(new ClaimNames(actor.getNameClaim(),
                actor.getUsernameClaim(), actor.getEmailClaim(), actor.getOrganizationClaim()));
        // The default organisation scopes reads only where no resolver of the application's own
        // places callers: in a multi-tenant app, a caller its resolver cannot place reads nothing.
        boolean singleTenant = organizations.orderedStream().allMatch(ClaimOrganizationResolver.class::isInstance);
        return new SecurityAuditReadScopeResolver(actors, OrganizationResolvers.chain(organizations),
                singleTenant ? properties.getDefaultOrganizationId() : null, properties.getWeb().getAdminAuthority());
    }

    @Bean
    @ConditionalOnMissingBean
    AuditReadController auditReadController(AuditEventReader reader, AuditEventCodec codec,
            AuditReadScopeResolver scopes, AuditrailProperties properties) {
        checkBasePath(properties.getWeb().getBasePath());
        return new AuditReadController(reader, codec, scopes);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "auditrail.web.viewer-enabled", matchIfMissing = true)
    AuditViewerController auditViewerController() {
        return new AuditViewerController();
    }

    /** Errors under the base path that Spring MVC or Spring Security raise are JSON too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FilterRegistrationBean.class)
    static class ErrorDispatch {

        @Bean
        @ConditionalOnMissingBean(name = "auditErrorDispatchFilter")
        FilterRegistrationBean<AuditErrorDispatchFilter> auditErrorDispatchFilter(AuditrailProperties properties) {
            FilterRegistrationBean<AuditErrorDispatchFilter> registration = new FilterRegistrationBean<>(
                    new AuditErrorDispatchFilter(properties.getWeb().getBasePath()));
            registration.setDispatcherTypes(DispatcherType.ERROR);
            registration.addUrlPatterns("/*");
            // Before Spring Security's filters, which would otherwise judge the error dispatch on its own.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return registration;
        }
    }

    /**
     * Errors Tomcat answers before the application sees the request (a request line over its
     * limit) are JSON under the base path; added after Boot's own error report valve, so it
     * answers first.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({TomcatServletWebServerFactory.class, ErrorReportValve.class})
    static class TomcatErrors {

        @Bean
        @ConditionalOnMissingBean(name = "auditContainerErrors")
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> auditContainerErrors(AuditrailProperties properties) {
            String basePath = properties.getWeb().getBasePath();
            return factory -> factory.addContextCustomizers(context -> context.getParent().getPipeline()
                    .addValve(new AuditContainerErrorValve(context.getPath() + basePath)));
        }
    }

    /** A path the request mappings cannot use would otherwise fail quietly with 404s. */
    private static void checkBasePath(String basePath) {
        if (basePath == null || !basePath.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalStateException("auditrail.web.base-path must look like /audit or /admin/audit "
                    + "(segments of letters, digits, '.', '_', '~' or '-', no trailing slash) but was '"
                    + basePath + "'");
        }
    }
}
