package io.auditrail.sample.security;

import io.auditrail.sample.member.MemberRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Logs in active members; their role becomes {@code ROLE_ADMIN} or {@code ROLE_MEMBER}. */
@Service
public class MemberUserDetailsService implements UserDetailsService {

    private final MemberRepository members;

    MemberUserDetailsService(MemberRepository members) {
        this.members = members;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return members.findLogin(username)
                .map(login -> User.withUsername(login.member().username()).password(login.passwordHash())
                        .roles(login.member().role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no active member " + username));
    }
}
