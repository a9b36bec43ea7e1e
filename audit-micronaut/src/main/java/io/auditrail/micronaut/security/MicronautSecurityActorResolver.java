package io.auditrail.micronaut.security;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.event.Actor;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the actor from Micronaut Security's current {@link Authentication}: its name as the
 * id (a JWT's {@code sub}), display name and email from the attributes named by
 * {@code auditrail.actor.*-claim}. With no authentication the result is empty and the
 * configured system actor is recorded.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = SecurityService.class)
@Requires(beans = SecurityService.class)
@Requires(missingBeans = ActorResolver.class)
public final class MicronautSecurityActorResolver implements ActorResolver {

    private final SecurityService security;
    private final AuditrailSettings.ActorSettings claims;

    /**
     * Creates the resolver.
     *
     * @param security Micronaut Security's access to the current authentication
     * @param configuration {@code auditrail.actor.*} names the claims
     */
    public MicronautSecurityActorResolver(SecurityService security, AuditrailConfiguration configuration) {
        this.security = security;
        this.claims = configuration.getActor();
    }

    @Override
    public Optional<Actor> currentActor() {
        return security.getAuthentication().map(this::actorOf);
    }

    /**
     * The actor an authentication names, as events record it.
     *
     * @param authentication an authenticated caller
     * @return the user actor
     */
    public Actor actorOf(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Object subject = attributes.getOrDefault("sub", authentication.getName());
        String name = text(attributes.get(claims.getNameClaim()));
        return Actor.user(String.valueOf(subject), name != null ? name : text(attributes.get(claims.getUsernameClaim())),
                text(attributes.get(claims.getEmailClaim())));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
