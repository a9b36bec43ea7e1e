package io.auditrail.micronaut.web;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.UnattributedOrganization;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The default scope, as in the starter: the organisation from the same
 * {@link OrganizationResolver} beans that stamp events when they are recorded (the
 * {@code auditrail.actor.organization-claim} attribute first), else
 * {@code auditrail.default-organization-id}; the actor id the way events name their actor (the
 * {@code sub} attribute, else the name); admin rights from the role
 * {@code auditrail.web.admin-authority}. A caller who resolves to
 * {@link UnattributedOrganization#ID} gets no scope: that trail is the operators'.
 */
@Singleton
@Requires(property = "auditrail.web.enabled", value = "true")
@Requires(classes = Authentication.class)
@Requires(missingBeans = AuditReadScopeResolver.class)
public final class SecurityAuditReadScopeResolver implements AuditReadScopeResolver {

    private final List<OrganizationResolver> organizations;
    private final String defaultOrganizationId;
    private final String adminAuthority;

    /**
     * Creates the resolver.
     *
     * @param organizations name the current caller's organisation, in order
     * @param configuration the default organisation
     * @param web the admin authority
     */
    public SecurityAuditReadScopeResolver(List<OrganizationResolver> organizations,
            AuditrailConfiguration configuration, WebConfiguration web) {
        List<OrganizationResolver> ordered = new ArrayList<>(organizations);
        OrderUtil.sort(ordered);
        this.organizations = List.copyOf(ordered);
        this.defaultOrganizationId = configuration.getDefaultOrganizationId();
        this.adminAuthority = web.getAdminAuthority();
    }

    @Override
    public Optional<AuditReadScope> resolve(Authentication authentication) {
        Optional<String> organization = firstOrganization()
                .or(() -> Optional.ofNullable(defaultOrganizationId).filter(id -> !id.isBlank()))
                .filter(id -> !UnattributedOrganization.is(id));
        Object subject = authentication.getAttributes().getOrDefault("sub", authentication.getName());
        String actorId = subject == null ? null : subject.toString();
        if (organization.isEmpty() || actorId == null || actorId.isBlank()) {
            return Optional.empty();
        }
        boolean admin = authentication.getRoles().contains(adminAuthority);
        return Optional.of(new AuditReadScope(organization.get(), actorId, admin));
    }

    private Optional<String> firstOrganization() {
        for (OrganizationResolver resolver : organizations) {
            Optional<String> organization = resolver.currentOrganizationId().filter(id -> !id.isBlank());
            if (organization.isPresent()) {
                return organization;
            }
        }
        return Optional.empty();
    }
}
