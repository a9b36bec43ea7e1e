package io.auditrail.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.spring.fixtures.RecordingSink;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real HTTP against a real servlet container, with Spring Security's form login, recording
 * into the JDBC store on H2 (in the default transactional mode) and a second, async sink.
 */
@SpringBootTest(classes = SecuredWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auditrail.request.request-id-header=X-Request-Id",
                "spring.datasource.url=jdbc:h2:mem:security-it;DB_CLOSE_DELAY=-1",
                "auditrail.jdbc.table-name=audit_security_it"})
class SecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordingSink sink;

    @Autowired
    AuditEventCodec codec;

    @Autowired
    JdbcAuditStore store;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void clear() {
        sink.events.clear();
        store.purgeOlderThan(java.time.Instant.now().plusSeconds(3600), null);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "auditrail-test/1.0").header("X-Request-Id", "req-77")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return post("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** Events of one action, read back from the JDBC store, where the recording sink must agree. */
    private List<AuditEvent> events(String action) {
        List<AuditEvent> stored = store.query(AuditQuery.builder().action(action).limit(100).build()).events();
        await().untilAsserted(() -> assertThat(sink.snapshot().stream().filter(e -> e.action().equals(action)))
                .containsExactlyInAnyOrderElementsOf(stored));
        return stored;
    }

    @Test
    void recordsTheLoggedInUserTheirRequestAndTheResource() throws Exception {
        assertThat(login("alice", "wonderland").statusCode()).isEqualTo(302);

        HttpResponse<String> created = post("/orgs/acme/invoices/0042", "");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(events("user.login")).singleElement().satisfies(event -> {
            assertThat(event.actor().id()).isEqualTo("alice");
            assertThat(event.resource()).satisfies(r -> assertThat(r.type() + ":" + r.id()).isEqualTo("user:alice"));
        });
        AuditEvent event = events("invoice.created").get(0);
        assertThat(event.actor().id()).isEqualTo("alice");
        assertThat(event.actor().type()).isEqualTo(ActorType.USER);
        assertThat(event.organizationId()).isEqualTo("acme");
        assertThat(event.resource().id()).isEqualTo("inv-0042");
        assertThat(event.context().ip()).isEqualTo("127.0.0.1");
        assertThat(event.context().userAgent()).isEqualTo("auditrail-test/1.0");
        assertThat(event.context().requestId()).isEqualTo("req-77");
    }

    @Test
    void recordsAFailedLoginWithTheAttemptedUsernameAndNeverThePassword() throws Exception {
        login("mallory", "s3cret-guess");

        AuditEvent event = events("user.login.failed").get(0);
        assertThat(event.actor().type()).isEqualTo(ActorType.ANONYMOUS);
        assertThat(event.resource().id()).isEqualTo("mallory");
        assertThat(event.outcome().isSuccess()).isFalse();
        assertThat(event.outcome().errorType()).isEqualTo("org.springframework.security.authentication.BadCredentialsException");
        assertThat(codec.toJson(event)).doesNotContain("s3cret-guess");
    }

    @Test
    void recordsLogout() throws Exception {
        login("alice", "wonderland");

        post("/logout", "");

        await().untilAsserted(() -> assertThat(events("user.logout")).singleElement()
                .satisfies(event -> assertThat(event.actor().id()).isEqualTo("alice")));
    }

    @Test
    void recordsAccessDenied() throws Exception {
        login("alice", "wonderland");

        HttpResponse<String> denied = post("/admin/purge", "");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(events("access.denied")).singleElement().satisfies(event -> {
            assertThat(event.actor().id()).isEqualTo("alice");
            assertThat(event.resource().id()).isEqualTo("POST /admin/purge");
            assertThat(event.outcome().isSuccess()).isFalse();
        });
    }
}
