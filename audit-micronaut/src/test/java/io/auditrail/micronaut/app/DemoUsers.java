package io.auditrail.micronaut.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * alice, a member of organisation acme, with the claims the actor resolver reads; for the read
 * endpoints also anna (admin of acme), gus (admin of globex) and drifter (no organisation). The
 * password is {@code secret}.
 */
@Singleton
public class DemoUsers<B> implements HttpRequestAuthenticationProvider<B> {

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        if (!"secret".equals(login.getSecret())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        switch (login.getIdentity()) {
            case "alice":
                return AuthenticationResponse.success("alice", List.of(),
                        Map.of("name", "Alice Example", "email", "alice@example.com", "org_id", "acme"));
            case "anna":
                return AuthenticationResponse.success("anna", List.of("ROLE_AUDIT_ADMIN"), Map.of("org_id", "acme"));
            case "gus":
                return AuthenticationResponse.success("gus", List.of("ROLE_AUDIT_ADMIN"), Map.of("org_id", "globex"));
            case "drifter":
                return AuthenticationResponse.success("drifter", List.of(), Map.of());
            default:
                break;
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
