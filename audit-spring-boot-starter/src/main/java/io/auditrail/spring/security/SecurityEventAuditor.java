package io.auditrail.spring.security;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditMonitor;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Records Spring Security's interactive logins, failed authentications (with the attempted
 * username, never the credentials), logouts and denied authorisations as audit events.
 * Non-interactive authentications, such as a bearer token on every request, are not logins
 * and are not recorded.
 */
public final class SecurityEventAuditor {

    /** Action names for each kind of security event. */
    public record Actions(String login, String loginFailed, String logout, String accessDenied) {
    }

    private final AuditEventFactory factory;
    private final AuditDispatcher dispatcher;
    private final SpringSecurityActorResolver actors;
    private final Actions actions;
    private final AuditMonitor monitor;

    /**
     * Creates the auditor.
     *
     * @param factory builds events
     * @param dispatcher receives them
     * @param actors turns authentications into actors
     * @param actions action names
     * @param monitor told when an event cannot be recorded
     */
    public SecurityEventAuditor(AuditEventFactory factory, AuditDispatcher dispatcher, SpringSecurityActorResolver actors,
            Actions actions, AuditMonitor monitor) {
        this.factory = factory;
        this.dispatcher = dispatcher;
        this.actors = actors;
        this.actions = actions;
        this.monitor = monitor;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        record(actors.actorOf(authentication).orElse(null), actions.login(), user(authentication), Map.of(),
                Outcome.success());
    }

    @EventListener
    void onLoginFailure(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        record(Actor.anonymous(), actions.loginFailed(), user(attempt), Map.of(),
                Outcome.failure(event.getException(), false));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        record(actors.actorOf(authentication).orElse(null), actions.logout(), user(authentication), Map.of(),
                Outcome.success());
    }

    @EventListener
    void onAccessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        String target = describe(event.getObject());
        record(actors.actorOf(authentication).orElse(null), actions.accessDenied(), new Resource("endpoint", target, null),
                Map.of(), Outcome.failure("org.springframework.security.access.AccessDeniedException", null));
    }

    private void record(Actor actor, String action, Resource resource, Map<String, ?> metadata, Outcome outcome) {
        try {
            dispatcher.dispatch(factory.create(actor, action, resource, null, metadata, outcome));
        } catch (RuntimeException e) {
            monitor.captureFailed("security event " + action, e);
        }
    }

    private static Resource user(Authentication authentication) {
        String name = authentication == null ? null : authentication.getName();
        return Resource.of("user", name == null || name.isBlank() ? "unknown" : name);
    }

    private static String describe(Object secured) {
        if (secured instanceof jakarta.servlet.http.HttpServletRequest request) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        if (secured instanceof org.aopalliance.intercept.MethodInvocation invocation) {
            return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        }
        return secured == null ? "unknown" : secured.getClass().getSimpleName();
    }
}
