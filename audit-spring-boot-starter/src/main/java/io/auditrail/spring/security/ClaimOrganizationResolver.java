package io.auditrail.spring.security;

import io.auditrail.core.spi.OrganizationResolver;
import java.util.Optional;

/**
 * Takes the organisation from a claim of the current JWT or an attribute of the current
 * OAuth2 user, such as {@code org_id}.
 */
public final class ClaimOrganizationResolver implements OrganizationResolver {

    private final SpringSecurityActorResolver actors;
    private final String claim;

    /**
     * Creates the resolver.
     *
     * @param actors reads the current principal's claims
     * @param claim the claim holding the organisation id
     */
    public ClaimOrganizationResolver(SpringSecurityActorResolver actors, String claim) {
        this.actors = actors;
        this.claim = claim;
    }

    @Override
    public Optional<String> currentOrganizationId() {
        return actors.currentClaim(claim);
    }
}
