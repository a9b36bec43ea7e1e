package io.auditrail.micronaut.web;

import io.micronaut.security.authentication.Authentication;
import java.util.Optional;

/**
 * Decides what an authenticated caller of the read endpoints may see. Declare a bean of this
 * type to take organisations and admin rights from your own membership model.
 */
@FunctionalInterface
public interface AuditReadScopeResolver {

    /**
     * The scope of an authenticated caller.
     *
     * @param authentication the caller
     * @return the scope, or empty when the caller belongs to no organisation (answered with 403)
     */
    Optional<AuditReadScope> resolve(Authentication authentication);
}
