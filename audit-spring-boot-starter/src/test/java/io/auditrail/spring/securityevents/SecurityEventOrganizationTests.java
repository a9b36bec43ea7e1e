package io.auditrail.spring.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.spring.fixtures.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

/**
 * Logins, failed logins, logouts and denials over real HTTP against a real servlet container,
 * with CSRF protection on: every event carries an organisation, and each denial is one event
 * naming the refused request, never the container's error dispatch.
 */
@SpringBootTest(classes = SecurityEventsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auditrail.sink=log", "auditrail.dispatch=sync"})
class SecurityEventOrganizationTests {

    /**
     * Spring Security 7 records the factors a login proved as authorities; 6.5, which the Boot 3
     * starter runs these tests on, has none, so there a login names no factors.
     */
    private static final boolean SECURITY_RECORDS_FACTORS = ClassUtils.isPresent(
            "org.springframework.security.core.authority.FactorGrantedAuthority", null);

    @LocalServerPort
    int port;

    @Autowired
    RecordingSink sink;

    private SecurityEventsClient client;

    @BeforeEach
    void newSession() {
        sink.events.clear();
        client = new SecurityEventsClient(port, "");
    }

    private List<AuditEvent> events(String action) {
        return sink.snapshot().stream().filter(event -> event.action().equals(action)).toList();
    }

    @Test
    void aFailedLoginBelongsToTheOrganisationOfTheAttemptedUser() throws Exception {
        assertThat(client.login("alice", "not-her-password").statusCode()).isEqualTo(302);

        assertThat(events("user.login.failed")).singleElement().satisfies(event -> {
            assertThat(event.organizationId()).isEqualTo("acme");
            assertThat(event.resource().id()).isEqualTo("alice");
            assertThat(event.actor().type()).isEqualTo(ActorType.ANONYMOUS);
        });
    }

    @Test
    void aFailedLoginForAnUnknownUsernameIsUnattributed() throws Exception {
        client.login("mallory", "guess");

        assertThat(events("user.login.failed")).singleElement().satisfies(event -> {
            assertThat(event.organizationId()).isEqualTo("_unattributed");
            assertThat(event.resource().id()).isEqualTo("mallory");
        });
    }

    @Test
    void loginAndLogoutCarryTheUsersOrganisation() throws Exception {
        client.login("gus", "globex-pw");

        assertThat(client.post("/logout", "", true).statusCode()).isEqualTo(302);

        assertThat(events("user.login")).singleElement().satisfies(event -> {
            assertThat(event.organizationId()).isEqualTo("globex");
            if (SECURITY_RECORDS_FACTORS) {
                assertThat(event.metadata()).containsEntry("factors", List.of("password"));
            } else {
                assertThat(event.metadata()).doesNotContainKey("factors");
            }
        });
        assertThat(events("user.logout")).singleElement().satisfies(event -> {
            assertThat(event.organizationId()).isEqualTo("globex");
            assertThat(event.actor().id()).isEqualTo("gus");
        });
        assertThat(events("session.expired")).as("a logout ends the session but is no expiry").isEmpty();
    }

    @Test
    void anExpiredSessionOfALoggedInUserIsRecordedInTheirOrganisation() throws Exception {
        client.login("alice", "wonderland");
        assertThat(client.get("/session/short").statusCode()).isEqualTo(200);

        // Idle for longer than the session's one-second timeout; the next request finds it expired.
        Thread.sleep(1_500);
        assertThat(client.get("/me").statusCode()).isEqualTo(302);

        assertThat(events("session.expired")).singleElement().satisfies(event -> {
            assertThat(event.actor().id()).isEqualTo("alice");
            assertThat(event.resource().id()).isEqualTo("alice");
            assertThat(event.organizationId()).isEqualTo("acme");
        });
    }

    @Test
    void aCsrfRefusalOfAnAuthenticatedPostIsOneDenialOfTheOriginalRequest() throws Exception {
        client.login("alice", "wonderland");

        assertThat(client.post("/invoices", "amount=10", false).statusCode()).isEqualTo(403);

        assertThat(events("access.denied")).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo("POST /invoices");
            assertThat(event.metadata()).containsEntry("reason", "csrf");
            assertThat(event.actor().id()).isEqualTo("alice");
            assertThat(event.organizationId()).isEqualTo("acme");
        });
        assertThat(client.post("/invoices", "amount=10", true).statusCode()).isEqualTo(200);
        assertThat(events("access.denied")).hasSize(1);
    }

    @Test
    void anAuthorisationRefusalIsOneDenialWithItsReason() throws Exception {
        client.login("alice", "wonderland");

        assertThat(client.get("/admin/settings").statusCode()).isEqualTo(403);

        assertThat(events("access.denied")).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo("GET /admin/settings");
            assertThat(event.metadata()).containsEntry("reason", "authorization");
            assertThat(event.organizationId()).isEqualTo("acme");
        });
    }

    @Test
    void anonymousRequestsSentToTheLoginPageAreNotDenials() throws Exception {
        assertThat(client.get("/invoices").statusCode()).isEqualTo(302);
        assertThat(client.get("/favicon.ico").statusCode()).isEqualTo(302);
        assertThat(client.get("/admin/settings", "X-Requested-With", "XMLHttpRequest").statusCode()).isEqualTo(401);
        assertThat(client.post("/invoices", "", false).statusCode()).isEqualTo(302);

        assertThat(events("access.denied")).isEmpty();
    }
}
