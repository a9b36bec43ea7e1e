package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.micronaut.app.InvoiceService;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP requests to a Micronaut application whose service carries {@code @Audited},
 * with and without authentication, and the events read back from the JDBC store.
 */
abstract class AbstractAuditedHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    JdbcAuditStore store;

    @Inject
    InvoiceService invoices;

    @Test
    void anAuthenticatedRequestRecordsTheUserTheirOrganisationAndTheRequest() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = send(request("/invoices/" + id + "?number=INV-7&amount=120.50")
                .header("Authorization", basic("alice", "secret"))
                .header("User-Agent", "audit-test/1.0")
                .header("X-Request-Id", "req-42")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        AuditEvent event = onlyEvent(id);
        assertThat(event.action()).isEqualTo("invoice.created");
        assertThat(event.outcome()).isEqualTo(Outcome.success());
        assertThat(event.actor().id()).isEqualTo("alice");
        assertThat(event.actor().name()).isEqualTo("Alice Example");
        assertThat(event.actor().email()).isEqualTo("alice@example.com");
        assertThat(event.actor().type()).isEqualTo(ActorType.USER);
        assertThat(event.organizationId()).isEqualTo("acme");
        assertThat(event.resource().type()).isEqualTo("invoice");
        assertThat(event.resource().name()).isEqualTo("INV-7");
        assertThat(event.context().ip()).isEqualTo("127.0.0.1");
        assertThat(event.context().userAgent()).isEqualTo("audit-test/1.0");
        assertThat(event.context().requestId()).isEqualTo("req-42");
        assertThat(event.metadata()).containsEntry("channel", "http").containsEntry("password", "[REDACTED]");
        assertThat(new BigDecimal(event.metadata().get("amount").toString())).isEqualByComparingTo("120.50");
    }

    @Test
    void anAnonymousRequestRecordsTheConfiguredSystemActor() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = send(request("/invoices/" + id).DELETE());

        assertThat(response.statusCode()).isEqualTo(200);
        AuditEvent event = onlyEvent(id);
        assertThat(event.action()).isEqualTo("invoice.deleted");
        assertThat(event.actor().id()).isEqualTo("scheduler");
        assertThat(event.actor().name()).isEqualTo("Nightly jobs");
        assertThat(event.actor().type()).isEqualTo(ActorType.SYSTEM);
        assertThat(event.organizationId()).isNull();
        assertThat(event.context().ip()).isEqualTo("127.0.0.1");
    }

    @Test
    void parameterAnnotationsAndAnOrganisationExpressionAreHonoured() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = send(request("/invoices/" + id + "/pay?organization=globex&amount=9.99")
                .header("Authorization", basic("alice", "secret"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.body()).isEqualTo("9.99");
        AuditEvent event = onlyEvent(id);
        assertThat(event.organizationId()).as("the annotation's organisation wins over the token's").isEqualTo("globex");
        assertThat(new BigDecimal(event.metadata().get("amount").toString())).isEqualByComparingTo("9.99");
    }

    @Test
    void aFailingMethodRecordsAFailureOutcomeAndItsExceptionReachesTheCaller() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = send(request("/invoices/" + id + "/send")
                .header("Authorization", basic("alice", "secret"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("mail server down for " + id);
        AuditEvent event = onlyEvent(id);
        assertThat(event.action()).isEqualTo("invoice.sent");
        assertThat(event.outcome().status()).isEqualTo(Outcome.Status.FAILURE);
        assertThat(event.outcome().errorType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(event.outcome().errorMessage()).as("messages are off by default").isNull();
        assertThat(event.actor().id()).isEqualTo("alice");
    }

    @Test
    void aCheckedExceptionPropagatesUnchangedAndIsRecorded() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> invoices.export(id)).isExactlyInstanceOf(IOException.class).hasMessage("disk full");

        AuditEvent event = onlyEvent(id);
        assertThat(event.outcome().errorType()).isEqualTo(IOException.class.getName());
        assertThat(event.actor().id()).as("outside a request the system actor acts").isEqualTo("scheduler");
        assertThat(event.context().ip()).isNull();
    }

    private AuditEvent onlyEvent(String resourceId) {
        List<AuditEvent> events = store.query(AuditQuery.builder().resourceId(resourceId).build()).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
