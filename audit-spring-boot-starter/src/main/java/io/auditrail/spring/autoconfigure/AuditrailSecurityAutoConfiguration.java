package io.auditrail.spring.autoconfigure;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.spring.security.ClaimNames;
import io.auditrail.spring.security.ClaimOrganizationResolver;
import io.auditrail.spring.security.CsrfRefusalRecorder;
import io.auditrail.spring.security.SecurityEventAuditor;
import io.auditrail.spring.security.SecurityEventOrganizations;
import io.auditrail.spring.security.SessionExpiryListener;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.util.function.SingletonSupplier;

/**
 * Actors and organisations from Spring Security, and security events as audit events.
 */
@AutoConfiguration(before = AuditrailAutoConfiguration.class)
@ConditionalOnClass(SecurityContextHolder.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
public final class AuditrailSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ActorResolver.class)
    SpringSecurityActorResolver springSecurityActorResolver(AuditrailProperties properties) {
        return new SpringSecurityActorResolver(claimNames(properties));
    }

    /** Ordered first: a claim in the token wins over application resolvers, which come next. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean
    ClaimOrganizationResolver claimOrganizationResolver(AuditrailProperties properties) {
        return new ClaimOrganizationResolver(new SpringSecurityActorResolver(claimNames(properties)),
                properties.getActor().getOrganizationClaim());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "auditrail.security-events.enabled", matchIfMissing = true)
    SecurityEventAuditor securityEventAuditor(AuditEventFactory factory, AuditDispatcher dispatcher,
            AuditrailProperties properties, ObjectProvider<OrganizationResolver> organizationResolvers,
            ObjectProvider<AuditMonitor> monitors) {
        AuditrailProperties.SecurityEvents events = properties.getSecurityEvents();
        SpringSecurityActorResolver actors = new SpringSecurityActorResolver(claimNames(properties));
        return new SecurityEventAuditor(factory, dispatcher, actors,
                new SecurityEventOrganizations(actors, OrganizationResolvers.chain(organizationResolvers),
                        properties.getDefaultOrganizationId()),
                new SecurityEventAuditor.Actions(events.getLoginAction(), events.getLoginFailedAction(),
                        events.getLogoutAction(), events.getAccessDeniedAction(), events.getSessionExpiredAction()),
                events.isRecordAnonymousDenials(), AuditMonitor.of(monitors.orderedStream().toList()));
    }

    /** CSRF refusals and session expiry of servlet applications, for which Spring Security publishes no event. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DefaultSecurityFilterChain.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBooleanProperty(name = "auditrail.security-events.enabled", matchIfMissing = true)
    static class ServletSecurityEvents {

        /** Static, as a post-processor must be; the auditor is looked up at the first refusal. */
        @Bean
        @ConditionalOnMissingBean
        static CsrfRefusalRecorder auditCsrfRefusalRecorder(ObjectProvider<SecurityEventAuditor> auditor) {
            return new CsrfRefusalRecorder(SingletonSupplier.of(auditor::getObject));
        }

        /** Boot registers session listener beans with the servlet container. */
        @Bean
        @ConditionalOnMissingBean
        SessionExpiryListener auditSessionExpiryListener(ObjectProvider<SecurityEventAuditor> auditor) {
            return new SessionExpiryListener(SingletonSupplier.of(auditor::getObject), Clock.systemUTC());
        }
    }

    /** Spring Security publishes authorisation denials only when such a publisher exists. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "auditrail.security-events.enabled", matchIfMissing = true)
    AuthorizationEventPublisher auditAuthorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    private static ClaimNames claimNames(AuditrailProperties properties) {
        AuditrailProperties.ActorSettings actor = properties.getActor();
        return new ClaimNames(actor.getNameClaim(), actor.getUsernameClaim(), actor.getEmailClaim(),
                actor.getOrganizationClaim());
    }
}
