package io.auditrail.sample.web;

import io.auditrail.sample.member.Invitation;
import io.auditrail.sample.member.Member;
import io.auditrail.sample.member.MemberService;
import io.auditrail.sample.member.Role;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members and invitations over JSON; changes are for admins only (see the security configuration). */
@RestController
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    /**
     * An invitation to send.
     *
     * @param email the invitee's email
     * @param role their future role
     */
    record InviteForm(String email, Role role) {
    }

    /**
     * A role to give.
     *
     * @param role the new role
     */
    record RoleForm(Role role) {
    }

    /**
     * What an invitee chooses when accepting.
     *
     * @param username login name
     * @param displayName display name
     * @param password password
     */
    record AcceptForm(String username, String displayName, String password) {
    }

    @GetMapping("/api/members")
    List<Member> list() {
        return members.list();
    }

    @PostMapping("/api/members/invitations")
    Invitation invite(@RequestBody InviteForm form) {
        return members.invite(form.email(), form.role());
    }

    @PutMapping("/api/members/{id}/role")
    Member changeRole(@PathVariable("id") String id, @RequestBody RoleForm form) {
        return members.changeRole(id, form.role()).member();
    }

    @DeleteMapping("/api/members/{id}")
    ResponseEntity<Void> remove(@PathVariable("id") String id,
            @RequestParam(name = "reason", required = false) String reason) {
        members.remove(id, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/invitations/{token}/accept")
    Member accept(@PathVariable("token") String token, @RequestBody AcceptForm form) {
        return members.accept(token, form.username(), form.displayName(), form.password());
    }
}
