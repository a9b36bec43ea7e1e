package io.auditrail.sample.security;

import io.auditrail.core.event.Actor;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.spring.security.ClaimNames;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Records members with their display name and email from the membership table, which the
 * login's {@code UserDetails} does not carry. Anyone else (an invitee accepting without a login,
 * a scheduled job) is resolved as the starter would: anonymous, or the system actor.
 */
@Component
public class MembershipActorResolver implements ActorResolver {

    private final CurrentMember currentMember;
    private final SpringSecurityActorResolver fallback = new SpringSecurityActorResolver(ClaimNames.DEFAULTS);

    MembershipActorResolver(CurrentMember currentMember) {
        this.currentMember = currentMember;
    }

    @Override
    public Optional<Actor> currentActor() {
        return currentMember.find()
                .map(member -> Actor.user(member.username(), member.displayName(), member.email()))
                .or(fallback::currentActor);
    }
}
