package io.auditrail.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class SpringSecurityActorResolverTests {

    private final SpringSecurityActorResolver resolver = new SpringSecurityActorResolver(ClaimNames.DEFAULTS);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void noAuthenticationMeansNoActorSoTheSystemActorIsRecorded() {
        assertThat(resolver.currentActor()).isEmpty();
    }

    @Test
    void anonymousUsersAreAnonymousActors() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(resolver.currentActor()).contains(Actor.anonymous());
    }

    @Test
    void userDetailsGiveTheUsername() {
        User user = new User("alice", "", AuthorityUtils.NO_AUTHORITIES);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.NO_AUTHORITIES));

        assertThat(resolver.currentActor()).contains(Actor.user("alice", null, null));
    }

    @Test
    void jwtGivesSubjectNameEmailAndOrganisation() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("user-123")
                .claim("preferred_username", "bob").claim("email", "bob@example.com").claim("org_id", "acme")
                .issuedAt(Instant.now()).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));

        assertThat(resolver.currentActor()).contains(Actor.user("user-123", "bob", "bob@example.com"));
        assertThat(new ClaimOrganizationResolver(resolver, "org_id").currentOrganizationId()).contains("acme");
    }

    @Test
    void claimNamesAreConfigurable() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("svc-9").claim("display", "Billing")
                .claim("tenant", "globex").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
        SpringSecurityActorResolver custom = new SpringSecurityActorResolver(
                new ClaimNames("display", "preferred_username", "mail", "tenant"));

        assertThat(custom.currentActor()).contains(Actor.user("svc-9", "Billing", null));
        assertThat(new ClaimOrganizationResolver(custom, "tenant").currentOrganizationId()).contains("globex");
    }

    @Test
    void oauth2UsersGiveTheirAttributes() {
        DefaultOAuth2User user = new DefaultOAuth2User(AuthorityUtils.createAuthorityList("ROLE_USER"),
                Map.of("sub", "g-42", "name", "Carol", "email", "carol@example.com"), "sub");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));

        assertThat(resolver.currentActor()).contains(Actor.user("g-42", "Carol", "carol@example.com"));
    }
}
