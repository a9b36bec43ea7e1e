package io.auditrail.sample.security;

import io.auditrail.sample.member.Role;
import io.auditrail.spring.web.read.AuditReadScope;
import io.auditrail.spring.web.read.AuditReadScopeResolver;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who reads what in the audit viewer: admins their organisation's whole trail, members only
 * their own actions. Taken from the membership table, so a demoted admin loses the wider view
 * at once.
 */
@Component
public class MembershipReadScope implements AuditReadScopeResolver {

    private final CurrentMember currentMember;

    MembershipReadScope(CurrentMember currentMember) {
        this.currentMember = currentMember;
    }

    @Override
    public Optional<AuditReadScope> resolve(Authentication authentication) {
        return currentMember.of(authentication).map(member -> new AuditReadScope(member.organizationId(),
                member.username(), member.role() == Role.ADMIN));
    }
}
