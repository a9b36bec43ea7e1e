package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.UnattributedOrganization;
import io.auditrail.micronaut.app.RecordingSink;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Micronaut Security's logins, failed logins, logouts and denials recorded with the starter's
 * actions, resources, outcomes and organisation rule, over real HTTP.
 */
@MicronautTest(transactional = false)
@Property(name = "auditrail.dispatch", value = "sync")
@Property(name = "test.recording-sink", value = "true")
@Property(name = "test.login-endpoints", value = "true")
@Property(name = "test.membership", value = "true")
class SecurityEventsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    RecordingSink sink;

    /** Knows drifter's organisation by name only, as a membership table would. */
    @Singleton
    @Requires(property = "test.membership", value = "true")
    static class Membership implements OrganizationResolver {

        @Override
        public Optional<String> currentOrganizationId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> organizationIdOf(String principalName) {
            return Optional.ofNullable(Map.of("drifter", "initech", "mallory", "initech").get(principalName));
        }
    }

    @BeforeEach
    void clear() {
        sink.received().clear();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path));
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return send(request("/login").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    private List<AuditEvent> events(String action, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.received().stream()
                .filter(event -> event.action().equals(action)).count() >= count);
        return sink.received().stream().filter(event -> event.action().equals(action)).toList();
    }

    @Test
    void aLoginIsRecordedWithTheUserAndTheirClaimedOrganisation() throws Exception {
        assertThat(login("alice", "secret").statusCode()).isEqualTo(200);

        AuditEvent login = events("user.login", 1).get(0);
        assertThat(login.actor().id()).isEqualTo("alice");
        assertThat(login.actor().name()).isEqualTo("Alice Example");
        assertThat(login.resource().type()).isEqualTo("user");
        assertThat(login.resource().id()).isEqualTo("alice");
        assertThat(login.organizationId()).isEqualTo("acme");
        assertThat(login.outcome().isSuccess()).isTrue();
    }

    @Test
    void aFailedLoginNamesTheAttemptedUserNeverThePasswordInTheOrganisationFoundByName() throws Exception {
        assertThat(login("mallory", "guess-1").statusCode()).isEqualTo(401);

        AuditEvent failed = events("user.login.failed", 1).get(0);
        assertThat(failed.actor().type()).isEqualTo(ActorType.ANONYMOUS);
        assertThat(failed.resource().id()).isEqualTo("mallory");
        assertThat(failed.organizationId()).isEqualTo("initech");
        assertThat(failed.outcome().isSuccess()).isFalse();
        assertThat(failed.outcome().errorType()).endsWith("CREDENTIALS_DO_NOT_MATCH");
        assertThat(failed.toString()).doesNotContain("guess-1");
    }

    @Test
    void aFailedLoginOfNobodyGoesToTheUnattributedTrail() throws Exception {
        login("nobody", "x");

        assertThat(events("user.login.failed", 1).get(0).organizationId()).isEqualTo(UnattributedOrganization.ID);
    }

    @Test
    void aLogoutIsRecordedForTheUserWhoLeft() throws Exception {
        HttpResponse<String> response = send(request("/logout").header("Authorization", basic("drifter"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(200);

        AuditEvent logout = events("user.logout", 1).get(0);
        assertThat(logout.actor().id()).isEqualTo("drifter");
        assertThat(logout.resource().id()).isEqualTo("drifter");
        assertThat(logout.organizationId()).as("no claim: the resolver's organizationIdOf(name)").isEqualTo("initech");
    }

    @Test
    void aDeniedRequestIsRecordedOnceWithItsEndpointAndReason() throws Exception {
        assertThat(send(request("/admin/reports").header("Authorization", basic("alice")).GET()).statusCode())
                .isEqualTo(403);
        assertThat(send(request("/admin/reports").header("Authorization", basic("anna")).GET()).statusCode())
                .isEqualTo(200);

        AuditEvent denied = events("access.denied", 1).get(0);
        assertThat(denied.actor().id()).isEqualTo("alice");
        assertThat(denied.resource().type()).isEqualTo("endpoint");
        assertThat(denied.resource().id()).isEqualTo("GET /admin/reports");
        assertThat(denied.organizationId()).isEqualTo("acme");
        assertThat(denied.metadata()).containsEntry("reason", "authorization");
        assertThat(denied.outcome().isSuccess()).isFalse();
        Thread.sleep(200);
        assertThat(sink.received()).filteredOn(event -> event.action().equals("access.denied")).hasSize(1);
    }

    @Test
    void anonymousDenialsAreNotRecordedByDefault() throws Exception {
        assertThat(send(request("/admin/reports").GET()).statusCode()).isEqualTo(401);
        assertThat(send(request("/admin/reports").header("Authorization", basic("alice")).GET()).statusCode())
                .isEqualTo(403);

        assertThat(events("access.denied", 1)).extracting(event -> event.actor().id()).containsExactly("alice");
    }
}
