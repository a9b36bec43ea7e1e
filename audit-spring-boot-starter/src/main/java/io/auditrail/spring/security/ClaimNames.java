package io.auditrail.spring.security;

/**
 * Which token claims or OAuth2 user attributes hold the actor's details.
 *
 * @param name display name
 * @param username display name fallback, such as {@code preferred_username}
 * @param email email address
 * @param organization organisation id
 */
public record ClaimNames(String name, String username, String email, String organization) {

    /** OIDC's standard names and {@code org_id}. */
    public static final ClaimNames DEFAULTS = new ClaimNames("name", "preferred_username", "email", "org_id");
}
