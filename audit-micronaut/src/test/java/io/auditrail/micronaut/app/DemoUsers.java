package io.auditrail.micronaut.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** One user, alice of organisation acme, with the claims the actor resolver reads. */
@Singleton
public class DemoUsers<B> implements HttpRequestAuthenticationProvider<B> {

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        if ("alice".equals(login.getIdentity()) && "secret".equals(login.getSecret())) {
            return AuthenticationResponse.success("alice", List.of(),
                    Map.of("name", "Alice Example", "email", "alice@example.com", "org_id", "acme"));
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
