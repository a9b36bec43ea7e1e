package io.auditrail.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.spring.fixtures.RecordingSink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class SecurityEventAuditorTests {

    private final RecordingSink sink = new RecordingSink();
    private final AuditEventFactory factory = AuditEventFactory.builder().build();
    private final SecurityEventAuditor.Actions actions =
            new SecurityEventAuditor.Actions("user.login", "user.login.failed", "user.logout", "access.denied");

    private SecurityEventAuditor auditor(SecurityEventAuditor.Actions actions) {
        SpringSecurityActorResolver actors = new SpringSecurityActorResolver(ClaimNames.DEFAULTS);
        return new SecurityEventAuditor(factory, new SyncDispatcher(sink, AuditMonitor.NONE), actors,
                new SecurityEventOrganizations(actors, Optional::empty, null), actions, false, AuditMonitor.NONE);
    }

    @Test
    void neverRecordsAFailedBearerToken() {
        String token = "eyJhbGciOiJSUzI1NiJ9.opaque-secret-token";

        auditor(actions).onLoginFailure(new AuthenticationFailureBadCredentialsEvent(
                new BearerTokenAuthenticationToken(token), new BadCredentialsException("invalid token")));

        AuditEvent event = sink.events.get(0);
        assertThat(event.resource().id()).isEqualTo("bearer-token");
        assertThat(event.organizationId()).isEqualTo("_unattributed");
        assertThat(new AuditEventCodec().toJson(event)).doesNotContain(token);
    }

    @Test
    void recordsAHostileAttemptedUsernameEscapedAndCut() {
        String attempted = "admin\r\n\u202e" + "a".repeat(400);

        auditor(actions).onLoginFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(attempted, "guess"), new BadCredentialsException("bad")));

        assertThat(sink.events).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).startsWith("admin\\u000d\\u000a\\u202e").hasSize(200);
            assertThat(new AuditEventCodec().toJson(event)).doesNotContain("guess");
        });
    }

    @Test
    void takesTheLogoutOrganisationFromTheLoggedOutUser() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("u-1").claim("org_id", "acme")
                .issuedAt(Instant.now()).build();

        auditor(actions).onLogout(new LogoutSuccessEvent(new JwtAuthenticationToken(jwt, List.of())));

        assertThat(sink.events.get(0).organizationId()).isEqualTo("acme");
        assertThat(sink.events.get(0).actor().id()).isEqualTo("u-1");
    }

    @Test
    void rejectsActionNamesNotInDotNotationAtStartUp() {
        assertThatThrownBy(() -> auditor(new SecurityEventAuditor.Actions("login", "user.login.failed", "user.logout",
                "access.denied"))).isInstanceOf(InvalidAuditEventException.class)
                .hasMessageContaining("action must be in dot notation");
    }
}
