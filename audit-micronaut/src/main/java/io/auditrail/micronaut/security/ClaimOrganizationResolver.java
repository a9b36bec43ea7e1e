package io.auditrail.micronaut.security;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The organisation named by the authentication's {@code auditrail.actor.organization-claim}
 * attribute. Asked before the application's own {@link OrganizationResolver} beans.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = SecurityService.class)
@Requires(beans = SecurityService.class)
public final class ClaimOrganizationResolver implements OrganizationResolver, Ordered {

    private final SecurityService security;
    private final String claim;

    /**
     * Creates the resolver.
     *
     * @param security Micronaut Security's access to the current authentication
     * @param configuration names the claim
     */
    public ClaimOrganizationResolver(SecurityService security, AuditrailConfiguration configuration) {
        this.security = security;
        this.claim = configuration.getActor().getOrganizationClaim();
    }

    @Override
    public Optional<String> currentOrganizationId() {
        return security.getAuthentication().map(authentication -> authentication.getAttributes().get(claim))
                .map(Object::toString);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
