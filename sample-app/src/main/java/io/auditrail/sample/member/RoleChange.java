package io.auditrail.sample.member;

/**
 * A member's role before and after a change.
 *
 * @param member the member, with the new role
 * @param before the old role
 * @param after the new role
 */
public record RoleChange(Member member, Role before, Role after) {
}
