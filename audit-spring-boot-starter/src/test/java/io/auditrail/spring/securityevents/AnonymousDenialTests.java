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

/**
 * With anonymous denials recorded, under a context path: an anonymous request refused with a
 * 401, which the container renders through an error dispatch to {@code /app/error} that is
 * refused in turn, is still one denial, of the original request.
 */
@SpringBootTest(classes = SecurityEventsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auditrail.sink=log", "auditrail.dispatch=sync", "server.servlet.context-path=/app",
                "auditrail.security-events.record-anonymous-denials=true"})
class AnonymousDenialTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordingSink sink;

    private SecurityEventsClient client;

    @BeforeEach
    void newSession() {
        sink.events.clear();
        client = new SecurityEventsClient(port, "/app");
    }

    private List<AuditEvent> denials() {
        return sink.snapshot().stream().filter(event -> event.action().equals("access.denied")).toList();
    }

    @Test
    void anAnonymousRequestRefusedThroughAnErrorDispatchIsOneDenial() throws Exception {
        assertThat(client.get("/admin/settings", "X-Requested-With", "XMLHttpRequest").statusCode()).isEqualTo(401);

        assertThat(denials()).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo("GET /app/admin/settings");
            assertThat(event.metadata()).containsEntry("reason", "authorization");
            assertThat(event.actor().type()).isEqualTo(ActorType.ANONYMOUS);
            assertThat(event.organizationId()).isEqualTo("_unattributed");
        });
    }

    @Test
    void anAnonymousRedirectToTheLoginPageIsRecordedWhenAskedFor() throws Exception {
        assertThat(client.get("/invoices").statusCode()).isEqualTo(302);

        assertThat(denials()).singleElement().satisfies(event -> assertThat(event.resource().id())
                .isEqualTo("GET /app/invoices"));
    }

    @Test
    void anAuthenticatedCsrfRefusalUnderAContextPathIsOneDenial() throws Exception {
        client.login("alice", "wonderland");

        assertThat(client.post("/invoices", "", false).statusCode()).isEqualTo(403);

        assertThat(denials()).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo("POST /app/invoices");
            assertThat(event.metadata()).containsEntry("reason", "csrf");
            assertThat(event.organizationId()).isEqualTo("acme");
        });
    }
}
