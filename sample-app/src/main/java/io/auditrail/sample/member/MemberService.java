package io.auditrail.sample.member;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.AuditMetadataParam;
import io.auditrail.annotations.AuditResourceId;
import io.auditrail.annotations.Audited;
import io.auditrail.sample.Ids;
import io.auditrail.sample.NotFoundException;
import io.auditrail.sample.security.CurrentMember;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members of the current organisation: invitations, roles and removals. */
@Service
public class MemberService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final MemberRepository members;
    private final CurrentMember currentMember;
    private final PasswordEncoder passwordEncoder;

    MemberService(MemberRepository members, CurrentMember currentMember, PasswordEncoder passwordEncoder) {
        this.members = members;
        this.currentMember = currentMember;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * The organisation's members and open invitations.
     *
     * @return members by email
     */
    @Transactional(readOnly = true)
    public List<Member> list() {
        return members.findAll(currentMember.get().organizationId());
    }

    /**
     * Invites someone to the organisation.
     *
     * @param email their email address
     * @param role the role they will have
     * @return the invitation with its token
     */
    @Transactional
    @Audited(action = "member.invited", resourceType = "member", resourceId = "#result.member.id",
            resourceName = "#email", metadata = @AuditMetadata(key = "role", expression = "#role"))
    public Invitation invite(String email, Role role) {
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 200) {
            throw new IllegalArgumentException("email must be an email address");
        }
        if (role == null) {
            throw new IllegalArgumentException("role must be ADMIN or MEMBER");
        }
        Member invited = new Member(Ids.next("mem"), currentMember.get().organizationId(), null, email, null, role,
                false);
        Invitation invitation = new Invitation(invited, Ids.random(16));
        members.insertInvitation(invited, invitation.token());
        return invitation;
    }

    /**
     * Accepts an invitation: the invitee chooses a login and becomes an active member. Nobody is
     * logged in yet, so the event's organisation comes from the invitation itself.
     *
     * @param token the invitation token
     * @param username chosen login name
     * @param displayName chosen display name
     * @param password chosen password
     * @return the new active member
     */
    @Transactional
    @Audited(action = "member.accepted", resourceType = "member", resourceId = "#result.id",
            resourceName = "#result.username", organizationId = "#result.organizationId")
    public Member accept(String token, String username, String displayName, String password) {
        Member invited = members.findInvitation(token)
                .orElseThrow(() -> new NotFoundException("invitation", "with this token"));
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3 to 40 lower-case letters, digits, '.', '_' or '-'");
        }
        if (members.usernameTaken(username)) {
            throw new IllegalArgumentException("username " + username + " is taken");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        members.activate(invited.id(), username, name, passwordEncoder.encode(password));
        return new Member(invited.id(), invited.organizationId(), username, invited.email(), name, invited.role(),
                true);
    }

    /**
     * Changes a member's role. An admin cannot demote themselves, so an organisation always keeps one.
     *
     * @param memberId the member
     * @param role the new role
     * @return the member with the old and new role
     */
    @Transactional
    @Audited(action = "member.role.changed", resourceType = "member", resourceName = "#result.member.email",
            metadata = {@AuditMetadata(key = "old", expression = "#result.before"),
                    @AuditMetadata(key = "new", expression = "#result.after")})
    public RoleChange changeRole(@AuditResourceId String memberId, Role role) {
        if (role == null) {
            throw new IllegalArgumentException("role must be ADMIN or MEMBER");
        }
        Member member = find(memberId);
        if (member.id().equals(currentMember.get().id())) {
            throw new IllegalArgumentException("you cannot change your own role");
        }
        members.updateRole(member.organizationId(), memberId, role);
        Member changed = new Member(member.id(), member.organizationId(), member.username(), member.email(),
                member.displayName(), role, member.active());
        return new RoleChange(changed, member.role(), role);
    }

    /**
     * Removes a member or withdraws an invitation.
     *
     * @param memberId the member
     * @param reason why, recorded with the event
     */
    @Transactional
    @Audited(action = "member.removed", resourceType = "member")
    public void remove(@AuditResourceId String memberId, @AuditMetadataParam("reason") String reason) {
        Member member = find(memberId);
        if (member.id().equals(currentMember.get().id())) {
            throw new IllegalArgumentException("you cannot remove yourself");
        }
        members.delete(member.organizationId(), memberId);
    }

    private Member find(String memberId) {
        return members.find(currentMember.get().organizationId(), memberId)
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }
}
