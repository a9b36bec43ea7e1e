package io.auditrail.sample.member;

/**
 * A new invitation and the secret link token to hand to the invitee. The token is returned to
 * the inviting admin but never recorded in the audit trail.
 *
 * @param member the invited member
 * @param token the invitation token
 */
public record Invitation(Member member, String token) {
}
