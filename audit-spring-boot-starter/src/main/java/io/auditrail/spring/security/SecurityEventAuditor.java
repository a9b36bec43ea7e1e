package io.auditrail.spring.security;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.validation.ExternalIds;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.ClassUtils;

/**
 * Records Spring Security's interactive logins (with the factors proven so far, so each step
 * of a multi-factor login is visible), failed authentications (with the attempted username,
 * never the credentials), logouts, session expiry and access denials as audit events, each in
 * an organisation chosen by {@link SecurityEventOrganizations}. Non-interactive authentications,
 * such as a bearer token on every request, are not logins and are not recorded; a failed
 * bearer token is recorded without the token.
 *
 * <p>A denial is recorded once, for the request that was refused, with its method and path and
 * a {@code reason} ({@code authorization} or {@code csrf}); the container's error dispatch that
 * renders the refusal is never recorded. Denials of anonymous callers, which only send them to
 * the login page, are recorded only when asked for.
 */
public final class SecurityEventAuditor {

    /**
     * Action names for each kind of security event.
     *
     * @param login interactive login
     * @param loginFailed failed authentication
     * @param logout logout
     * @param accessDenied denied authorisation or CSRF check
     * @param sessionExpired a logged-in user's session timed out
     */
    public record Actions(String login, String loginFailed, String logout, String accessDenied,
            String sessionExpired) {

        /**
         * The names with {@code session.expired} for session expiry.
         *
         * @param login interactive login
         * @param loginFailed failed authentication
         * @param logout logout
         * @param accessDenied denied authorisation or CSRF check
         */
        public Actions(String login, String loginFailed, String logout, String accessDenied) {
            this(login, loginFailed, logout, accessDenied, "session.expired");
        }
    }

    /** Why a request was refused, recorded as the denial's {@code reason} metadata. */
    public enum DenialReason {
        /** An authorisation rule refused the caller. */
        AUTHORIZATION("authorization"),
        /** The request's CSRF token was missing or wrong. */
        CSRF("csrf");

        private final String value;

        DenialReason(String value) {
            this.value = value;
        }

        /**
         * The value recorded.
         *
         * @return the reason in lower case
         */
        public String value() {
            return value;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SecurityEventAuditor.class);
    private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", null);
    private static final String BEARER_TOKEN_AUTHENTICATION =
            "org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken";
    private static final Outcome DENIED = Outcome.failure("org.springframework.security.access.AccessDeniedException", null);
    /** Spring Security's prefix for the authorities that record a proven authentication factor. */
    private static final String FACTOR_PREFIX = "FACTOR_";
    /** Room left in a 255-character identifier for ids chosen by whoever is logging in. */
    private static final int MAX_EXTERNAL_ID = 200;

    private final AuditEventFactory factory;
    private final AuditDispatcher dispatcher;
    private final SpringSecurityActorResolver actors;
    private final SecurityEventOrganizations organizations;
    private final Actions actions;
    private final boolean recordAnonymousDenials;
    private final AuditMonitor monitor;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Creates the auditor, checking the action names.
     *
     * @param factory builds events
     * @param dispatcher receives them
     * @param actors turns authentications into actors
     * @param organizations chooses each event's organisation
     * @param actions action names
     * @param recordAnonymousDenials whether denials of anonymous callers are recorded too
     * @param monitor told when an event cannot be recorded
     * @throws io.auditrail.core.event.InvalidAuditEventException when an action name is not in dot notation
     */
    public SecurityEventAuditor(AuditEventFactory factory, AuditDispatcher dispatcher, SpringSecurityActorResolver actors,
            SecurityEventOrganizations organizations, Actions actions, boolean recordAnonymousDenials,
            AuditMonitor monitor) {
        factory.validator().checkAction(actions.login());
        factory.validator().checkAction(actions.loginFailed());
        factory.validator().checkAction(actions.logout());
        factory.validator().checkAction(actions.accessDenied());
        factory.validator().checkAction(actions.sessionExpired());
        this.factory = factory;
        this.dispatcher = dispatcher;
        this.actors = actors;
        this.organizations = organizations;
        this.actions = actions;
        this.recordAnonymousDenials = recordAnonymousDenials;
        this.monitor = monitor;
    }

    /**
     * The security context already holds the new authentication here, so the application's
     * own actor resolver (null actor) names the user as it does in business events.
     */
    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        List<String> factors = factors(authentication);
        record(null, actions.login(), user(authentication), organizations.ofCurrent(authentication),
                factors.isEmpty() ? Map.of() : Map.of("factors", factors), Outcome.success());
    }

    @EventListener
    void onLoginFailure(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        Resource user = user(attempt);
        String organization = organizations.ofAttempt(attempt == null || bearerToken(attempt) ? null : attempt.getName());
        record(Actor.anonymous(), actions.loginFailed(), user, organization, Map.of(),
                Outcome.failure(event.getException(), false));
    }

    /** The security context is already cleared at logout; actor and organisation come from the event. */
    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        record(actors.actorOf(authentication).orElse(null), actions.logout(), user(authentication),
                organizations.ofFormer(authentication), Map.of(), Outcome.success());
    }

    @EventListener
    void onAccessDenied(AuthorizationDeniedEvent<?> event) {
        Object secured = event.getObject();
        if (SERVLET_PRESENT && ServletRequests.isErrorDispatch(secured)) {
            return;
        }
        recordDenial(event.getAuthentication().get(), describe(secured), DenialReason.AUTHORIZATION);
    }

    /**
     * Records a refused request, unless the caller is anonymous and anonymous denials are not
     * recorded. The refused caller is the one in the security context, so the application's own
     * actor resolver (null actor) names them as it does in business events.
     *
     * @param authentication the caller, possibly anonymous or {@code null}
     * @param target what was refused, such as {@code POST /invoices}
     * @param reason why
     */
    public void recordDenial(Authentication authentication, String target, DenialReason reason) {
        if (anonymous(authentication) && !recordAnonymousDenials) {
            return;
        }
        Resource endpoint = new Resource("endpoint", ExternalIds.sanitize(target, MAX_EXTERNAL_ID), null);
        record(anonymous(authentication) ? Actor.anonymous() : null, actions.accessDenied(), endpoint,
                organizations.ofCurrent(authentication), Map.of("reason", reason.value()), DENIED);
    }

    /**
     * Records that a logged-in user's session timed out; anonymous sessions are not recorded.
     *
     * @param authentication the authentication the session held
     */
    public void recordSessionExpired(Authentication authentication) {
        if (anonymous(authentication)) {
            return;
        }
        record(actors.actorOf(authentication).orElse(null), actions.sessionExpired(), user(authentication),
                organizations.ofFormer(authentication), Map.of(), Outcome.success());
    }

    private void record(Actor actor, String action, Resource resource, String organization, Map<String, ?> metadata,
            Outcome outcome) {
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

    /**
     * The authentication factors proven so far ({@code FACTOR_PASSWORD} becomes {@code password}),
     * so that each step of a multi-factor login shows how far the user got.
     */
    private static List<String> factors(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(FACTOR_PREFIX))
                .map(authority -> authority.substring(FACTOR_PREFIX.length()).toLowerCase(Locale.ROOT)).sorted()
                .distinct().toList();
    }

    private static boolean anonymous(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    private static Resource user(Authentication authentication) {
        if (authentication == null) {
            return Resource.of("user", "unknown");
        }
        if (bearerToken(authentication)) {
            return Resource.of("user", "bearer-token");
        }
        String name = authentication.getName();
        return Resource.of("user", name == null || name.isBlank() ? "unknown" : ExternalIds.sanitize(name, MAX_EXTERNAL_ID));
    }

    private static boolean bearerToken(Authentication authentication) {
        return authentication.getClass().getName().equals(BEARER_TOKEN_AUTHENTICATION);
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

        static boolean isErrorDispatch(Object secured) {
            return secured instanceof jakarta.servlet.http.HttpServletRequest request
                    && request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
        }

        static String describe(Object secured) {
            return secured instanceof jakarta.servlet.http.HttpServletRequest request
                    ? DeniedRequests.describe(request) : null;
        }
    }
}
