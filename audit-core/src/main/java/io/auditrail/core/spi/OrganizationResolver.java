package io.auditrail.core.spi;

import java.util.Optional;

/**
 * Finds the organisation (tenant) of the current call when the {@code @Audited}
 * annotation does not name one.
 */
@FunctionalInterface
public interface OrganizationResolver {

    /**
     * The current organisation.
     *
     * @return its id, or empty when unknown
     */
    Optional<String> currentOrganizationId();
}
