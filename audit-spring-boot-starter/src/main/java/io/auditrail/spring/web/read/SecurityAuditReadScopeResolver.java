package io.auditrail.spring.web.read;

import io.auditrail.core.event.Actor;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.UnattributedOrganization;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The default scope: the organisation from the same {@link OrganizationResolver} that stamps
 * events when they are recorded, else the default organisation that stamps them otherwise (so
 * a one-organisation application reads its trail from properties alone), the actor id the same
 * way events name their actor, and admin rights from one granted authority. A caller who
 * resolves to {@link UnattributedOrganization#ID} gets no scope: that trail is the operators'.
 */
public final class SecurityAuditReadScopeResolver implements AuditReadScopeResolver {

    private final SpringSecurityActorResolver actors;
    private final OrganizationResolver organizations;
    private final String defaultOrganizationId;
    private final String adminAuthority;

    /**
     * Creates the resolver for applications without a default organisation.
     *
     * @param actors turns the authentication into the actor id events carry
     * @param organizations names the current caller's organisation
     * @param adminAuthority authority, such as {@code ROLE_AUDIT_ADMIN}, that grants the whole organisation
     */
    public SecurityAuditReadScopeResolver(SpringSecurityActorResolver actors, OrganizationResolver organizations,
            String adminAuthority) {
        this(actors, organizations, null, adminAuthority);
    }

    /**
     * Creates the resolver.
     *
     * @param actors turns the authentication into the actor id events carry
     * @param organizations names the current caller's organisation
     * @param defaultOrganizationId organisation of callers the resolvers place nowhere, or {@code null}
     * @param adminAuthority authority, such as {@code ROLE_AUDIT_ADMIN}, that grants the whole organisation
     */
    public SecurityAuditReadScopeResolver(SpringSecurityActorResolver actors, OrganizationResolver organizations,
            String defaultOrganizationId, String adminAuthority) {
        this.actors = actors;
        this.organizations = organizations;
        this.defaultOrganizationId = defaultOrganizationId;
        this.adminAuthority = adminAuthority;
    }

    @Override
    public Optional<AuditReadScope> resolve(Authentication authentication) {
        Optional<String> organization = organizations.currentOrganizationId().filter(id -> !id.isBlank())
                .or(() -> Optional.ofNullable(defaultOrganizationId).filter(id -> !id.isBlank()))
                .filter(id -> !UnattributedOrganization.is(id));
        Optional<Actor> actor = actors.actorOf(authentication);
        if (organization.isEmpty() || actor.isEmpty()) {
            return Optional.empty();
        }
        boolean admin = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(adminAuthority::equals);
        return Optional.of(new AuditReadScope(organization.get(), actor.get().id(), admin));
    }
}
