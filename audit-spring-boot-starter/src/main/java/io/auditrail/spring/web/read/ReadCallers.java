package io.auditrail.spring.web.read;

import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling a read endpoint and what they may see, for every controller in one place: 401
 * without a login, 403 without an organisation (or not an admin where one is needed); and core's
 * refusals as this package's {@link AuditReadException}.
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

    /** Core's refusals as this package's, so every handler and caller sees one exception type. */
    static <T> T translated(Supplier<T> read) {
        try {
            return read.get();
        } catch (ReadRefusedException e) {
            throw new AuditReadException(HttpStatus.valueOf(e.status()), e.getMessage());
        }
    }

    static ReadScope readScope(AuditReadScope scope) {
        return new ReadScope(scope.organizationId(), scope.actorId(), scope.admin());
    }
}
