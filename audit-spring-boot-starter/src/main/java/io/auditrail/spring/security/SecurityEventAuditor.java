package io.auditrail.spring.security;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.validation.ExternalIds;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * Records Spring Security's interactive logins, failed authentications (with the attempted
 * username, never the credentials), logouts and denied authorisations as audit events.
 * Non-interactive authentications, such as a bearer token on every request, are not logins
 * and are not recorded; a failed bearer token is recorded without the token.
 */
public final class SecurityEventAuditor {

    /**
     * Action names for each kind of security event.
     *
     * @param login interactive login
     * @param loginFailed failed authentication
     * @param logout logout
     * @param accessDenied denied authorisation
     */
    public record Actions(String login, String loginFailed, String logout, String accessDenied) {
    }

    private static final Logger log = LoggerFactory.getLogger(SecurityEventAuditor.class);
    private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", null);
    private static final String BEARER_TOKEN_AUTHENTICATION =
            "org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken";
    /** Room left in a 255-character identifier for ids chosen by whoever is logging in. */
    private static final int MAX_EXTERNAL_ID = 200;

    private final AuditEventFactory factory;
    private final AuditDispatcher dispatcher;
    private final SpringSecurityActorResolver actors;
    private final Actions actions;
    private final AuditMonitor monitor;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Creates the auditor, checking the action names.
     *
     * @param factory builds events
     * @param dispatcher receives them
     * @param actors turns authentications into actors and organisations
     * @param actions action names
     * @param monitor told when an event cannot be recorded
     * @throws io.auditrail.core.event.InvalidAuditEventException when an action name is not in dot notation
     */
    public SecurityEventAuditor(AuditEventFactory factory, AuditDispatcher dispatcher, SpringSecurityActorResolver actors,
            Actions actions, AuditMonitor monitor) {
        factory.validator().checkAction(actions.login());
        factory.validator().checkAction(actions.loginFailed());
        factory.validator().checkAction(actions.logout());
        factory.validator().checkAction(actions.accessDenied());
        this.factory = factory;
        this.dispatcher = dispatcher;
        this.actors = actors;
        this.actions = actions;
        this.monitor = monitor;
    }

    /**
     * The security context already holds the new authentication here, so the application's
     * own actor resolver (null actor) names the user as it does in business events.
     */
    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        record(authentication, null, actions.login(), user(authentication), Outcome.success());
    }

    @EventListener
    void onLoginFailure(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        record(null, Actor.anonymous(), actions.loginFailed(), user(attempt), Outcome.failure(event.getException(), false));
    }

    /** The security context is already cleared at logout; the organisation comes from the event. */
    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        record(authentication, actors.actorOf(authentication).orElse(null), actions.logout(), user(authentication),
                Outcome.success());
    }

    @EventListener
    void onAccessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        Resource target = new Resource("endpoint", ExternalIds.sanitize(describe(event.getObject()), MAX_EXTERNAL_ID), null);
        record(authentication, null, actions.accessDenied(), target,
                Outcome.failure("org.springframework.security.access.AccessDeniedException", null));
    }

    private void record(Authentication authentication, Actor actor, String action, Resource resource, Outcome outcome) {
        try {
            String organization = authentication == null || actor == null ? null
                    : actors.organizationOf(authentication).orElse(null);
            dispatcher.dispatch(factory.create(actor, action, resource, organization, Map.of(), outcome));
        } catch (RuntimeException e) {
            monitor.captureFailed("security event " + action, e);
            if (warned.compareAndSet(false, true)) {
                log.warn("Could not record security event {} (further failures are logged at DEBUG)", action, e);
            } else {
                log.debug("Could not record security event {}", action, e);
            }
        }
    }

    private static Resource user(Authentication authentication) {
        if (authentication == null) {
            return Resource.of("user", "unknown");
        }
        if (authentication.getClass().getName().equals(BEARER_TOKEN_AUTHENTICATION)) {
            return Resource.of("user", "bearer-token");
        }
        String name = authentication.getName();
        return Resource.of("user", name == null || name.isBlank() ? "unknown" : ExternalIds.sanitize(name, MAX_EXTERNAL_ID));
    }

    private static String describe(Object secured) {
        if (SERVLET_PRESENT) {
            String request = ServletRequests.describe(secured);
            if (request != null) {
                return request;
            }
        }
        if (secured instanceof org.aopalliance.intercept.MethodInvocation invocation) {
            return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        }
        return secured == null ? "unknown" : secured.getClass().getSimpleName();
    }

    /** Kept apart so that the servlet API is loaded only when it is present. */
    private static final class ServletRequests {

        static String describe(Object secured) {
            return secured instanceof jakarta.servlet.http.HttpServletRequest request
                    ? request.getMethod() + " " + request.getRequestURI() : null;
        }
    }
}
