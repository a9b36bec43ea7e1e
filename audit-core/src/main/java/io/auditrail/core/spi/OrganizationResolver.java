package io.auditrail.core.spi;

import java.util.Optional;

/**
 * Finds the organisation (tenant) of the current call when the {@code @Audited}
 * annotation does not name one, and the organisation of a named principal for security
 * events that happen without one in the security context.
 */
@FunctionalInterface
public interface OrganizationResolver {

    /**
     * The current organisation.
     *
     * @return its id, or empty when unknown
     */
    Optional<String> currentOrganizationId();

    /**
     * The organisation of a principal who is not the current caller: the username attempted at
     * a failed login (which may name nobody, and is chosen by whoever is logging in) or the
     * user who has just logged out. Implement it to attribute such events to the user's
     * organisation; an empty answer records the event in the default organisation, or else
     * under {@link UnattributedOrganization#ID}.
     *
     * @param principalName the login name, as typed or as authenticated
     * @return the organisation id, or empty when the name belongs to no organisation
     */
    default Optional<String> organizationIdOf(String principalName) {
        return Optional.empty();
    }
}
