package io.auditrail.sample.member;

/**
 * A person in an organisation: active with a login, or invited and not yet accepted.
 *
 * @param id member id
 * @param organizationId their organisation
 * @param username login name, {@code null} until an invitation is accepted
 * @param email email address
 * @param displayName name shown in the app and recorded in audit events
 * @param role their role
 * @param active whether they have accepted and can log in
 */
public record Member(String id, String organizationId, String username, String email, String displayName, Role role,
        boolean active) {
}
