package io.auditrail.sample.security;

import io.auditrail.sample.member.Member;
import io.auditrail.sample.member.MemberRepository;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The logged-in member, read fresh from the database on each call so that a role change or a
 * removal takes effect on the member's next request, not at their next login.
 */
@Component
public class CurrentMember {

    private final MemberRepository members;

    CurrentMember(MemberRepository members) {
        this.members = members;
    }

    /**
     * The member behind an authentication.
     *
     * @param authentication any authentication, possibly {@code null}
     * @return the active member, or empty for anonymous callers and removed members
     */
    public Optional<Member> of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return members.findActive(authentication.getName());
    }

    /**
     * The member making the current request.
     *
     * @return the member, or empty when nobody is logged in
     */
    public Optional<Member> find() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The member making the current request, who must exist.
     *
     * @return the member
     * @throws IllegalStateException when called without a logged-in member
     */
    public Member get() {
        return find().orElseThrow(() -> new IllegalStateException("no logged-in member"));
    }
}
