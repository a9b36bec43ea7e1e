package io.auditrail.sample.security;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.sample.member.Member;
import io.auditrail.sample.member.MemberRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Stamps every audit event with the organisation of the member who caused it, and a failed
 * login or a logout with the organisation of the member named, so that their admin sees it.
 */
@Component
public class MembershipOrganizationResolver implements OrganizationResolver {

    private final CurrentMember currentMember;
    private final MemberRepository members;

    MembershipOrganizationResolver(CurrentMember currentMember, MemberRepository members) {
        this.currentMember = currentMember;
        this.members = members;
    }

    @Override
    public Optional<String> currentOrganizationId() {
        return currentMember.find().map(Member::organizationId);
    }

    @Override
    public Optional<String> organizationIdOf(String principalName) {
        return members.organizationOf(principalName);
    }
}
