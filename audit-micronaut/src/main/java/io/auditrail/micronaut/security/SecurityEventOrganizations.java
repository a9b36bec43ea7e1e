package io.auditrail.micronaut.security;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.UnattributedOrganization;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Optional;

/**
 * Which organisation a security event belongs to, by the starter's rule, so that no login,
 * logout or denial lands in a {@code null} trail no tenant can read: the authentication's
 * organisation claim, then the application's {@link OrganizationResolver}s (for the current
 * caller where there is one, then by principal name through
 * {@link OrganizationResolver#organizationIdOf(String)}), then the default organisation, and
 * otherwise {@link UnattributedOrganization#ID}.
 */
final class SecurityEventOrganizations {

    private final String claim;
    private final List<OrganizationResolver> resolvers;
    private final String defaultOrganizationId;

    SecurityEventOrganizations(String claim, List<OrganizationResolver> resolvers, String defaultOrganizationId) {
        this.claim = claim;
        this.resolvers = List.copyOf(resolvers);
        this.defaultOrganizationId = defaultOrganizationId == null || defaultOrganizationId.isBlank() ? null
                : defaultOrganizationId;
    }

    /** A caller who is in the security context (a denied request). */
    String ofCurrent(Authentication authentication) {
        if (authentication == null) {
            return fallback();
        }
        return claimed(authentication).or(this::current).or(() -> byName(authentication.getName()))
                .orElseGet(this::fallback);
    }

    /** A caller who is not, or not yet, in the security context (a login that just succeeded, a logout). */
    String ofNamed(Authentication authentication) {
        return claimed(authentication).or(() -> byName(authentication.getName())).orElseGet(this::fallback);
    }

    /** The username attempted at a failed login, which may name nobody. */
    String ofAttempt(String attemptedName) {
        if (attemptedName == null || attemptedName.isBlank()) {
            return fallback();
        }
        return byName(attemptedName).orElseGet(this::fallback);
    }

    private Optional<String> claimed(Authentication authentication) {
        return Optional.ofNullable(authentication.getAttributes().get(claim)).map(Object::toString)
                .filter(id -> !id.isBlank());
    }

    private Optional<String> current() {
        for (OrganizationResolver resolver : resolvers) {
            Optional<String> id = resolver.currentOrganizationId().filter(found -> !found.isBlank());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private Optional<String> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (OrganizationResolver resolver : resolvers) {
            Optional<String> id = resolver.organizationIdOf(name).filter(found -> !found.isBlank());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private String fallback() {
        return defaultOrganizationId != null ? defaultOrganizationId : UnattributedOrganization.ID;
    }
}
