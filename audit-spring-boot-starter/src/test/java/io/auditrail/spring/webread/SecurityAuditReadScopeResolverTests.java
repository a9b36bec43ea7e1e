package io.auditrail.spring.webread;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.spring.security.ClaimNames;
import io.auditrail.spring.security.ClaimOrganizationResolver;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import io.auditrail.spring.web.read.AuditReadScope;
import io.auditrail.spring.web.read.SecurityAuditReadScopeResolver;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The default scope with the starter's own claim-based organisation resolver, as a JWT resource server gets it. */
class SecurityAuditReadScopeResolverTests {

    private final SpringSecurityActorResolver actors = new SpringSecurityActorResolver(ClaimNames.DEFAULTS);
    private final SecurityAuditReadScopeResolver scopes = new SecurityAuditReadScopeResolver(actors,
            new ClaimOrganizationResolver(actors, "org_id"), "SCOPE_audit:admin");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static Authentication signIn(Map<String, Object> claims, String... authorities) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).build();
        Authentication authentication = new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(authorities));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    @Test
    void aTokenWithTheOrganisationClaimIsAMemberOfThatOrganisation() {
        Authentication member = signIn(Map.of("sub", "u-17", "org_id", "acme"), "SCOPE_invoices");

        assertThat(scopes.resolve(member)).contains(new AuditReadScope("acme", "u-17", false));
    }

    @Test
    void theConfiguredAuthorityMakesAnAdmin() {
        Authentication admin = signIn(Map.of("sub", "u-1", "org_id", "acme"), "SCOPE_audit:admin");

        assertThat(scopes.resolve(admin)).contains(new AuditReadScope("acme", "u-1", true));
    }

    @Test
    void aTokenWithoutTheClaimHasNoScope() {
        Authentication stranger = signIn(Map.of("sub", "u-2"), "SCOPE_audit:admin");

        assertThat(scopes.resolve(stranger)).isEmpty();
    }
}
