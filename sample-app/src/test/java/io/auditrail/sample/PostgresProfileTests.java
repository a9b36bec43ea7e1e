package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code postgres} profile runs the whole app, schema and trail included, on a real PostgreSQL. */
class PostgresProfileTests {

    @Test
    void thePostgresProfileRecordsEventsInPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).run(
                        "--spring.profiles.active=postgres", "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SampleClient alice = SampleClient.loggedIn(port, "alice");

            String id = alice.json(alice.send("POST", "/api/invoices", Map.of("customer", "Pg", "amountCents", 42)))
                    .get("id").asString();

            assertThat(app.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
            assertThat(app.getBean(AuditStore.class).query(AuditQuery.builder().organizationId("acme").resourceId(id)
                    .build()).events()).singleElement().satisfies(event -> {
                        assertThat(event.action()).isEqualTo("invoice.created");
                        assertThat(event.actor().id()).isEqualTo("alice");
                    });
        }
    }
}
