package io.auditrail.spring.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Records the expiry of a container session that held a logged-in user. The container reports
 * a logout's invalidation and a timeout alike, so only a session idle for its whole timeout
 * counts as expired; a logout is recorded as a logout.
 */
public final class SessionExpiryListener implements HttpSessionListener {

    private final Supplier<SecurityEventAuditor> auditor;
    private final Clock clock;

    /**
     * Creates the listener.
     *
     * @param auditor records the expiry; asked when the first session ends
     * @param clock tells whether a session has been idle for its timeout
     */
    public SessionExpiryListener(Supplier<SecurityEventAuditor> auditor, Clock clock) {
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        if (timedOut(session) && session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context) {
            auditor.get().recordSessionExpired(context.getAuthentication());
        }
    }

    private boolean timedOut(HttpSession session) {
        try {
            int timeout = session.getMaxInactiveInterval();
            return timeout > 0 && clock.millis() - session.getLastAccessedTime() >= timeout * 1000L;
        } catch (IllegalStateException alreadyInvalid) {
            return false;
        }
    }
}
