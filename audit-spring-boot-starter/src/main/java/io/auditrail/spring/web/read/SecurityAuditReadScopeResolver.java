package io.auditrail.spring.web.read;

import io.auditrail.core.event.Actor;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The default scope: the organisation from the same {@link OrganizationResolver} that stamps
 * events when they are recorded, the actor id the same way events name their actor, and admin
 * rights from one granted authority.
 */
public final class SecurityAuditReadScopeResolver implements AuditReadScopeResolver {

    private final SpringSecurityActorResolver actors;
    private final OrganizationResolver organizations;
    private final String adminAuthority;

    /**
     * Creates the resolver.
     *
     * @param actors turns the authentication into the actor id events carry
     * @param organizations names the current caller's organisation
     * @param adminAuthority authority, such as {@code ROLE_AUDIT_ADMIN}, that grants the whole organisation
     */
    public SecurityAuditReadScopeResolver(SpringSecurityActorResolver actors, OrganizationResolver organizations,
            String adminAuthority) {
        this.actors = actors;
        this.organizations = organizations;
        this.adminAuthority = adminAuthority;
    }

    @Override
    public Optional<AuditReadScope> resolve(Authentication authentication) {
        Optional<String> organization = organizations.currentOrganizationId().filter(id -> !id.isBlank());
        Optional<Actor> actor = actors.actorOf(authentication);
        if (organization.isEmpty() || actor.isEmpty()) {
            return Optional.empty();
        }
        boolean admin = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(adminAuthority::equals);
        return Optional.of(new AuditReadScope(organization.get(), actor.get().id(), admin));
    }
}
