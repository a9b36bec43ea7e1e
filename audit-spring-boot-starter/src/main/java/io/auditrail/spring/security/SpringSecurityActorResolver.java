package io.auditrail.spring.security;

import io.auditrail.core.event.Actor;
import io.auditrail.core.spi.ActorResolver;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.util.ClassUtils;

/**
 * Reads the actor from Spring Security's current {@link Authentication}: a JWT's {@code sub}
 * with name and email claims, an OAuth2 user's attributes, a {@link UserDetails} username,
 * or the authentication's name. Anonymous users become {@code anonymous} actors; with no
 * authentication the result is empty and the system actor is recorded.
 */
public final class SpringSecurityActorResolver implements ActorResolver {

    private static final boolean OAUTH2_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal", null);
    private static final boolean JWT_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.oauth2.jwt.Jwt", null);

    private final ClaimNames claims;

    /**
     * Creates the resolver.
     *
     * @param claims names of the claims holding name, email and organisation
     */
    public SpringSecurityActorResolver(ClaimNames claims) {
        this.claims = claims;
    }

    @Override
    public Optional<Actor> currentActor() {
        return actorOf(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The actor an authentication stands for.
     *
     * @param authentication an authentication, possibly {@code null} or unauthenticated
     * @return the actor, or empty when there is nobody
     */
    public Optional<Actor> actorOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return Optional.of(Actor.anonymous());
        }
        if (!authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Map<String, Object> attributes = attributes(authentication.getPrincipal());
        if (attributes != null) {
            Object subject = attributes.getOrDefault("sub", authentication.getName());
            String name = text(attributes.get(claims.name()));
            return Optional.of(Actor.user(String.valueOf(subject),
                    name != null ? name : text(attributes.get(claims.username())), text(attributes.get(claims.email()))));
        }
        if (authentication.getPrincipal() instanceof UserDetails user) {
            return Optional.of(Actor.user(user.getUsername(), null, null));
        }
        return Optional.of(Actor.user(authentication.getName(), null, null));
    }

    /**
     * The organisation claim of an authentication, for events that happen when the security
     * context no longer holds it (logout).
     *
     * @param authentication an authentication
     * @return the organisation id, or empty
     */
    public Optional<String> organizationOf(Authentication authentication) {
        Map<String, Object> attributes = attributes(authentication.getPrincipal());
        return attributes == null ? Optional.empty() : Optional.ofNullable(text(attributes.get(claims.organization())));
    }

    /**
     * A claim or attribute of the current principal, for the organisation resolver.
     *
     * @param name claim name
     * @return its text, or empty
     */
    Optional<String> currentClaim(String name) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        Map<String, Object> attributes = attributes(authentication.getPrincipal());
        return attributes == null ? Optional.empty() : Optional.ofNullable(text(attributes.get(name)));
    }

    private static Map<String, Object> attributes(Object principal) {
        if (JWT_PRESENT && principal instanceof org.springframework.security.oauth2.jwt.Jwt jwt) {
            return jwt.getClaims();
        }
        if (OAUTH2_PRESENT
                && principal instanceof org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal user) {
            return user.getAttributes();
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
