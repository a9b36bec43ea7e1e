package io.auditrail.micronaut.security;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.validation.ExternalIds;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.event.LoginFailedEvent;
import io.micronaut.security.event.LoginSuccessfulEvent;
import io.micronaut.security.event.LogoutEvent;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Micronaut Security's logins, failed logins (with the attempted username, never the
 * credentials), logouts and access denials as audit events, with the starter's actions, resources
 * and outcomes, each in an organisation chosen by the starter's rule ({@link SecurityEventOrganizations}).
 * A denial is recorded once, for the request that was refused ({@code endpoint} resource such as
 * {@code GET /invoices}, {@code reason} {@code authorization}); denials of anonymous callers only
 * when {@code auditrail.security-events.record-anonymous-denials} is on.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.security-events.enabled", notEquals = "false")
@Requires(classes = LoginSuccessfulEvent.class)
@Requires(beans = SecurityService.class)
final class SecurityEventAuditor {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventAuditor.class);
    private static final Outcome DENIED = Outcome.failure(AuthorizationException.class.getName(), null);
    /** Room left in a 255-character identifier for ids chosen by whoever is logging in. */
    private static final int MAX_EXTERNAL_ID = 200;

    private final AuditEventFactory factory;
    private final AuditDispatcher dispatcher;
    private final Function<Authentication, Actor> actors;
    private final SecurityEventOrganizations organizations;
    private final SecurityEventsConfiguration configuration;
    private final AuditMonitor monitor;
    private final AtomicBoolean warned = new AtomicBoolean();

    @Inject
    SecurityEventAuditor(AuditEventFactory factory, AuditDispatcher dispatcher, SecurityService security,
            AuditrailConfiguration settings, List<OrganizationResolver> resolvers,
            SecurityEventsConfiguration configuration, List<AuditMonitor> monitors) {
        this(factory, dispatcher, new MicronautSecurityActorResolver(security, settings)::actorOf,
                new SecurityEventOrganizations(settings.getActor().getOrganizationClaim(), ordered(resolvers),
                        settings.getDefaultOrganizationId()), configuration, AuditMonitor.of(monitors));
    }

    SecurityEventAuditor(AuditEventFactory factory, AuditDispatcher dispatcher, Function<Authentication, Actor> actors,
            SecurityEventOrganizations organizations, SecurityEventsConfiguration configuration, AuditMonitor monitor) {
        factory.validator().checkAction(configuration.getLoginAction());
        factory.validator().checkAction(configuration.getLoginFailedAction());
        factory.validator().checkAction(configuration.getLogoutAction());
        factory.validator().checkAction(configuration.getAccessDeniedAction());
        this.factory = factory;
        this.dispatcher = dispatcher;
        this.actors = actors;
        this.organizations = organizations;
        this.configuration = configuration;
        this.monitor = monitor;
    }

    private static List<OrganizationResolver> ordered(List<OrganizationResolver> resolvers) {
        List<OrganizationResolver> ordered = new ArrayList<>(resolvers);
        OrderUtil.sort(ordered);
        return ordered;
    }

    /** The login request itself is anonymous; actor and organisation come from the new authentication. */
    @EventListener
    void onLogin(LoginSuccessfulEvent event) {
        if (event.getSource() instanceof Authentication authentication) {
            record(actors.apply(authentication), configuration.getLoginAction(), user(authentication.getName()),
                    organizations.ofNamed(authentication), Outcome.success(), Map.of());
        }
    }

    @EventListener
    void onLoginFailure(LoginFailedEvent event) {
        AuthenticationRequest<?, ?> request = event.getAuthenticationRequest();
        String attempted = request == null || request.getIdentity() == null ? null : request.getIdentity().toString();
        String reason = event.getSource() instanceof AuthenticationFailed failed
                ? failed.getReason().name() : "unknown";
        record(Actor.anonymous(), configuration.getLoginFailedAction(), user(attempted),
                organizations.ofAttempt(attempted),
                Outcome.failure("io.micronaut.security.authentication.AuthenticationFailureReason." + reason, null),
                Map.of());
    }

    /** The security context is already cleared at logout; actor and organisation come from the event. */
    @EventListener
    void onLogout(LogoutEvent event) {
        if (event.getSource() instanceof Authentication authentication) {
            record(actors.apply(authentication), configuration.getLogoutAction(), user(authentication.getName()),
                    organizations.ofNamed(authentication), Outcome.success(), Map.of());
        }
    }

    /**
     * Records a refused request, unless the caller is anonymous and anonymous denials are not recorded.
     *
     * @param authentication the caller, or {@code null} when anonymous
     * @param target what was refused, such as {@code POST /invoices}
     */
    void recordDenial(Authentication authentication, String target) {
        if (authentication == null && !configuration.isRecordAnonymousDenials()) {
            return;
        }
        Resource endpoint = new Resource("endpoint", ExternalIds.sanitize(target, MAX_EXTERNAL_ID), null);
        record(authentication == null ? Actor.anonymous() : actors.apply(authentication),
                configuration.getAccessDeniedAction(), endpoint, organizations.ofCurrent(authentication), DENIED,
                Map.of("reason", "authorization"));
    }

    private void record(Actor actor, String action, Resource resource, String organization, Outcome outcome,
            Map<String, ?> metadata) {
        try {
            dispatcher.dispatch(factory.create(actor, action, resource, organization, metadata, outcome));
        } catch (RuntimeException e) {
            monitor.captureFailed("security event " + action, e);
            if (warned.compareAndSet(false, true)) {
                log.warn("Could not record security event {} (further failures are logged at DEBUG)", action, e);
            } else {
                log.debug("Could not record security event {}", action, e);
            }
        }
    }

    private static Resource user(String name) {
        return Resource.of("user", name == null || name.isBlank() ? "unknown" : ExternalIds.sanitize(name, MAX_EXTERNAL_ID));
    }
}
