package io.auditrail.sample.security;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.sample.member.Member;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Stamps every audit event with the organisation of the member who caused it. */
@Component
public class MembershipOrganizationResolver implements OrganizationResolver {

    private final CurrentMember currentMember;

    MembershipOrganizationResolver(CurrentMember currentMember) {
        this.currentMember = currentMember;
    }

    @Override
    public Optional<String> currentOrganizationId() {
        return currentMember.find().map(Member::organizationId);
    }
}
