package io.auditrail.spring.securityevents;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * One browser-like session against the running test server: cookies kept, HTML accepted (so
 * Spring Security answers as it answers browsers), redirects not followed.
 */
final class SecurityEventsClient {

    private static final String HTML = "text/html,application/xhtml+xml";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SecurityEventsClient(int port, String contextPath) {
        this.base = "http://localhost:" + port + contextPath;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST, with this session's current CSRF token when {@code withToken}. */
    HttpResponse<String> post(String path, String form, boolean withToken) throws IOException, InterruptedException {
        String body = withToken ? form + (form.isEmpty() ? "" : "&") + "_csrf=" + get("/csrf").body() : form;
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        return post("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8), true);
    }
}
