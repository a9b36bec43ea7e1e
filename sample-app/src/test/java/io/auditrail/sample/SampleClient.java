package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One browser-like user of the sample app over real HTTP: its own cookies, CSRF token and user agent. */
final class SampleClient {

    static final String USER_AGENT = "auditrail-sample-test/1.0";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrfHeader;
    private String csrfToken;

    SampleClient(int port) {
        this.port = port;
    }

    /** Logs in through the form, as a browser does, and fails the test unless it worked. */
    static SampleClient loggedIn(int port, String username) throws Exception {
        return loggedIn(port, username, "auditrail");
    }

    /** Logs in with a chosen password. */
    static SampleClient loggedIn(int port, String username, String password) throws Exception {
        SampleClient client = new SampleClient(port);
        HttpResponse<String> login = client.login(username, password);
        assertThat(login.headers().firstValue("Location")).as("login of " + username)
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        JsonNode session = client.json(client.get("/api/session"));
        client.csrfHeader = session.get("csrfHeader").asString();
        client.csrfToken = session.get("csrfToken").asString();
        return client;
    }

    HttpResponse<String> login(String username, String password) throws Exception {
        Matcher field = CSRF_FIELD.matcher(get("/login").body());
        assertThat(field.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(field.group(1));
        return http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = request(path);
        if (csrfHeader != null) {
            request.header(csrfHeader, csrfToken);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("User-Agent", USER_AGENT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
