package io.auditrail.spring.web.read;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling a log endpoint: 401 without a login, 403 without an organisation (or not an admin where one is needed). */
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
                "you belong to no organisation, so there is no audit log you may read"));
    }

    static AuditReadScope admin(AuditReadScopeResolver scopes, String what) {
        AuditReadScope scope = scope(scopes);
        if (!scope.admin()) {
            throw new AuditReadException(HttpStatus.FORBIDDEN, "only organisation admins may " + what);
        }
        return scope;
    }
}
