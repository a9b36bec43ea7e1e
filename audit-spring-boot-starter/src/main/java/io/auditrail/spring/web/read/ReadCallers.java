package io.auditrail.spring.web.read;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.InvalidAuditQueryException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling a read endpoint and what they may see, for every controller in one place: 401
 * without a login, 403 without an organisation (or not an admin where one is needed); one event
 * only within the caller's organisation and, for a member, only their own (404 otherwise).
 */
final class ReadCallers {

    private ReadCallers() {
    }

    static AuditReadScope scope(AuditReadScopeResolver scopes) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuditReadException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        return scopes.resolve(authentication).orElseThrow(() -> new AuditReadException(HttpStatus.FORBIDDEN,
                "you belong to no organisation, so there is no audit trail you may read"));
    }

    static AuditReadScope admin(AuditReadScopeResolver scopes, String what) {
        return requireAdmin(scope(scopes), what);
    }

    static AuditReadScope requireAdmin(AuditReadScope scope, String what) {
        if (!scope.admin()) {
            throw new AuditReadException(HttpStatus.FORBIDDEN, "only organisation admins may " + what);
        }
        return scope;
    }

    /** The event with this id that the caller may read: their organisation's, and their own unless an admin. */
    static AuditEvent event(AuditReadScope scope, AuditStore store, UUID eventId) {
        return store.findById(scope.organizationId(), eventId)
                .filter(found -> scope.admin() || found.actor().id().equals(scope.actorId()))
                .orElseThrow(() -> new AuditReadException(HttpStatus.NOT_FOUND, "no event " + eventId));
    }

    static UUID eventId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException("id must be a UUID but was '" + id + "'");
        }
    }
}
