package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The app's default, file-based H2 keeps the trail and the data across a restart. */
class RestartTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SampleApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("sample"));
    }

    @Test
    void eventsAndInvoicesSurviveARestart() throws Exception {
        String invoiceId;
        try (ConfigurableApplicationContext first = start()) {
            SampleClient alice = SampleClient.loggedIn(port(first), "alice");
            invoiceId = alice.json(alice.send("POST", "/api/invoices", Map.of("customer", "Durable", "amountCents", 1)))
                    .get("id").asString();
        }

        try (ConfigurableApplicationContext second = start()) {
            AuditStore store = second.getBean(AuditStore.class);
            assertThat(store.query(AuditQuery.builder().organizationId("acme").resourceId(invoiceId).build()).events())
                    .singleElement().satisfies(event -> assertThat(event.action()).isEqualTo("invoice.created"));
            SampleClient alice = SampleClient.loggedIn(port(second), "alice");
            assertThat(alice.get("/api/invoices").body()).contains(invoiceId);
            assertThat(store.query(AuditQuery.builder().organizationId("acme").action("user.login").build()).total())
                    .as("one login per start, the first one kept").isEqualTo(2);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
