package io.auditrail.sample.member;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members and invitations, always read within one organisation except at login. */
@Repository
public class MemberRepository {

    private static final String COLUMNS = "id, organization_id, username, email, display_name, role, status";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An active member by login name, in any organisation: who is logging in decides the organisation.
     *
     * @param username login name
     * @return the member and their password hash
     */
    public Optional<Login> findLogin(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM members WHERE username = ? AND status = 'ACTIVE'")
                .param(username)
                .query((rs, row) -> new Login(map(rs), rs.getString("password_hash")))
                .optional();
    }

    /**
     * An active member by login name.
     *
     * @param username login name
     * @return the member
     */
    public Optional<Member> findActive(String username) {
        return findLogin(username).map(Login::member);
    }

    /**
     * One member of an organisation.
     *
     * @param organizationId the organisation
     * @param id member id
     * @return the member
     */
    public Optional<Member> find(String organizationId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE organization_id = ? AND id = ?")
                .params(organizationId, id).query((rs, row) -> map(rs)).optional();
    }

    /**
     * The members of an organisation.
     *
     * @param organizationId the organisation
     * @return active and invited members, by email
     */
    public List<Member> findAll(String organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE organization_id = ? ORDER BY email")
                .param(organizationId).query((rs, row) -> map(rs)).list();
    }

    /**
     * An invitation by its token.
     *
     * @param token the secret token sent to the invitee
     * @return the invited member
     */
    public Optional<Member> findInvitation(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE invitation_token = ? AND status = 'INVITED'")
                .param(token).query((rs, row) -> map(rs)).optional();
    }

    /**
     * Stores an active member with a password, such as a demo user.
     *
     * @param member the member
     * @param passwordHash encoded password
     */
    public void insertActive(Member member, String passwordHash) {
        jdbc.sql("INSERT INTO members (id, organization_id, username, email, display_name, password_hash, role, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE')")
                .params(member.id(), member.organizationId(), member.username(), member.email(), member.displayName(),
                        passwordHash, member.role().name())
                .update();
    }

    /**
     * Stores an invitation.
     *
     * @param member the invited member
     * @param token the invitation's secret token
     */
    public void insertInvitation(Member member, String token) {
        jdbc.sql("INSERT INTO members (id, organization_id, email, role, status, invitation_token)"
                + " VALUES (?, ?, ?, ?, 'INVITED', ?)")
                .params(member.id(), member.organizationId(), member.email(), member.role().name(), token).update();
    }

    /**
     * Turns an invitation into an active member.
     *
     * @param id member id
     * @param username chosen login name
     * @param displayName chosen display name
     * @param passwordHash encoded password
     */
    public void activate(String id, String username, String displayName, String passwordHash) {
        jdbc.sql("UPDATE members SET username = ?, display_name = ?, password_hash = ?, status = 'ACTIVE',"
                + " invitation_token = NULL WHERE id = ?")
                .params(username, displayName, passwordHash, id).update();
    }

    /**
     * Changes a member's role.
     *
     * @param organizationId the organisation
     * @param id member id
     * @param role new role
     */
    public void updateRole(String organizationId, String id, Role role) {
        jdbc.sql("UPDATE members SET role = ? WHERE organization_id = ? AND id = ?")
                .params(role.name(), organizationId, id).update();
    }

    /**
     * Removes a member.
     *
     * @param organizationId the organisation
     * @param id member id
     */
    public void delete(String organizationId, String id) {
        jdbc.sql("DELETE FROM members WHERE organization_id = ? AND id = ?").params(organizationId, id).update();
    }

    /**
     * The organisation of whoever has a login name, for events about a user who is not logged
     * in: a failed login or a logout.
     *
     * @param username login name, possibly typed by anybody
     * @return the organisation, or empty when nobody has the name
     */
    public Optional<String> organizationOf(String username) {
        return jdbc.sql("SELECT organization_id FROM members WHERE username = ?").param(username).query(String.class)
                .optional();
    }

    /**
     * Whether a login name is taken.
     *
     * @param username login name
     * @return {@code true} when some member has it
     */
    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM members WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    private static Member map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getString("id"), rs.getString("organization_id"), rs.getString("username"),
                rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                "ACTIVE".equals(rs.getString("status")));
    }

    /**
     * A member with the password hash a login is checked against.
     *
     * @param member the member
     * @param passwordHash encoded password
     */
    public record Login(Member member, String passwordHash) {
    }
}
