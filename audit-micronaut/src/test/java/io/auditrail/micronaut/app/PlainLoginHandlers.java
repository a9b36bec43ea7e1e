package io.auditrail.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.handlers.LogoutHandler;
import jakarta.inject.Singleton;

/**
 * The smallest login and logout handlers, so that Micronaut Security's own {@code /login} and
 * {@code /logout} endpoints run (and publish their events) without a session or token module.
 */
@Singleton
@Requires(property = "test.login-endpoints", value = "true")
public class PlainLoginHandlers implements LoginHandler<HttpRequest<?>, MutableHttpResponse<?>>,
        LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        return HttpResponse.ok("welcome " + authentication.getName());
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken,
            HttpRequest<?> request) {
        return HttpResponse.ok();
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED);
    }

    @Override
    public MutableHttpResponse<?> logout(HttpRequest<?> request) {
        return HttpResponse.ok("bye");
    }
}
