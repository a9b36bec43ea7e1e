package io.auditrail.spring.security;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.UnattributedOrganization;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Which organisation a security event belongs to, so that no login, logout or denial lands in
 * a {@code null} chain no tenant can read: the principal's organisation claim, then the
 * application's {@link OrganizationResolver}s (for the current caller, then by principal
 * name), then the default organisation, and otherwise {@link UnattributedOrganization#ID}.
 */
public final class SecurityEventOrganizations {

    private final SpringSecurityActorResolver actors;
    private final OrganizationResolver organizations;
    private final String defaultOrganizationId;

    /**
     * Creates the rule.
     *
     * @param actors reads the organisation claim of an authentication
     * @param organizations the application's resolvers
     * @param defaultOrganizationId organisation of events no resolver places, or {@code null}
     */
    public SecurityEventOrganizations(SpringSecurityActorResolver actors, OrganizationResolver organizations,
            String defaultOrganizationId) {
        this.actors = actors;
        this.organizations = organizations;
        this.defaultOrganizationId = defaultOrganizationId == null || defaultOrganizationId.isBlank() ? null
                : defaultOrganizationId;
    }

    /**
     * The organisation of the caller whose authentication is in the security context (a login
     * that just succeeded, a denied request).
     *
     * @param authentication the caller, possibly anonymous or {@code null}
     * @return the organisation id
     */
    public String ofCurrent(Authentication authentication) {
        if (!known(authentication)) {
            return fallback();
        }
        return actors.organizationOf(authentication).or(organizations::currentOrganizationId)
                .or(() -> organizations.organizationIdOf(authentication.getName())).filter(id -> !id.isBlank())
                .orElseGet(this::fallback);
    }

    /**
     * The organisation of a user who is no longer in the security context (a logout).
     *
     * @param authentication the former caller
     * @return the organisation id
     */
    public String ofFormer(Authentication authentication) {
        if (!known(authentication)) {
            return fallback();
        }
        return actors.organizationOf(authentication).or(() -> organizations.organizationIdOf(authentication.getName()))
                .filter(id -> !id.isBlank()).orElseGet(this::fallback);
    }

    /**
     * The organisation of the username attempted at a failed login, which may name nobody.
     *
     * @param attemptedName the name typed, or {@code null}
     * @return the organisation id
     */
    public String ofAttempt(String attemptedName) {
        if (attemptedName == null || attemptedName.isBlank()) {
            return fallback();
        }
        return organizations.organizationIdOf(attemptedName).filter(id -> !id.isBlank()).orElseGet(this::fallback);
    }

    private String fallback() {
        return defaultOrganizationId != null ? defaultOrganizationId : UnattributedOrganization.ID;
    }

    private static boolean known(Authentication authentication) {
        return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated();
    }
}
