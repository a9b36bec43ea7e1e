package io.auditrail.spring.autoconfigure;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.spring.security.ClaimNames;
import io.auditrail.spring.security.ClaimOrganizationResolver;
import io.auditrail.spring.security.SecurityEventAuditor;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;

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
            AuditrailProperties properties, ObjectProvider<AuditMonitor> monitors) {
        AuditrailProperties.SecurityEvents events = properties.getSecurityEvents();
        return new SecurityEventAuditor(factory, dispatcher, new SpringSecurityActorResolver(claimNames(properties)),
                new SecurityEventAuditor.Actions(events.getLoginAction(), events.getLoginFailedAction(),
                        events.getLogoutAction(), events.getAccessDeniedAction()),
                AuditMonitor.of(monitors.orderedStream().toList()));
    }

    /** Spring Security publishes authorisation denials only when such a publisher exists. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "auditrail.security-events.enabled", matchIfMissing = true)
    AuthorizationEventPublisher auditAuthorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    private static ClaimNames claimNames(AuditrailProperties properties) {
        AuditrailProperties.Actor actor = properties.getActor();
        return new ClaimNames(actor.getNameClaim(), actor.getUsernameClaim(), actor.getEmailClaim(),
                actor.getOrganizationClaim());
    }
}
