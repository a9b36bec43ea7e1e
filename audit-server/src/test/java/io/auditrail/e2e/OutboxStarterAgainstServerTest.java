package io.auditrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.e2e.InvoiceApp.InvoiceService;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import io.auditrail.server.tenant.IssuedKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A Spring Boot application on the starter, with {@code auditrail.sink=http} and
 * {@code auditrail.dispatch=outbox} on embedded PostgreSQL, sending to the real audit-server:
 * across a server outage and restart on the same port and store, and against the server's
 * refusals, which must end as dead letters with the reason and in the meters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxStarterAgainstServerTest {

    @TempDir
    static Path data;

    private final PGSimpleDataSource database = (PGSimpleDataSource) PostgresConfig.get().dataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final List<String> tables = new ArrayList<>();
    private TestServer server;
    private Http http;

    @BeforeAll
    void startServer() {
        // A file database, so a restarted server finds what it stored before.
        server = TestServer.start(TestServer.database("jdbc:h2:file:" + data.resolve("server") + ";AUTO_SERVER=TRUE", "sa", ""));
        http = new Http(server.baseUri());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void dropTables() {
        tables.forEach(table -> jdbc.execute("drop table if exists " + table));
        tables.clear();
    }

    @Test
    void eventsCommittedWhileTheServerIsDownWaitInTheOutboxAndArriveOnceAfterItsRestart() {
        String organization = "org-" + UUID.randomUUID();
        String key = server.newKey(organization, "growth").secret();
        try (ConfigurableApplicationContext app = start(key, organization)) {
            InvoiceService invoices = app.getBean(InvoiceService.class);
            JdbcOutbox outbox = app.getBean(JdbcOutbox.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            for (int i = 0; i < 10; i++) {
                invoices.create("inv-" + i, null);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> total(key) == 10);

            server.stop();
            for (int i = 10; i < 30; i++) {
                invoices.create("inv-" + i, null);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> meters.counter("auditrail.events.failed", "sink", "http", "retry", "true").count() > 0);
            assertThat(outbox.pendingCount("http")).as("committed while the server is down: waiting in the outbox")
                    .isEqualTo(20);
            assertThat(meters.get("auditrail.outbox.pending").tag("sink", "http").gauge().value()).isEqualTo(20);

            server.restart();
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.pendingCount("http") == 0);

            List<String> outboxIds = jdbc.queryForList("select event_id from " + outbox.table().qualified(), String.class);
            JsonNode stored = http.get("/v1/events?limit=1000", key).json();
            assertThat(values(stored, "id")).as("every event once, under its own id").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(outboxIds).hasSize(30);
            assertThat(values(stored, "resource_id")).containsExactlyInAnyOrderElementsOf(
                    jdbc.queryForList("select id from " + app.getEnvironment().getProperty(InvoiceApp.TABLE_PROPERTY),
                            String.class));
            assertThat(http.get("/v1/usage", key).json().get("events_this_month").asLong()).isEqualTo(30);
            assertThat(meters.counter("auditrail.events.delivered", "sink", "http", "outcome", "success").count())
                    .isEqualTo(30);
            assertThat(meters.find("auditrail.events.dropped").counters()).allMatch(counter -> counter.count() == 0);
        }
    }

    @Test
    void refusedEventsEndAsDeadLettersWithTheServersReasonAndAreCounted() {
        String organization = "org-" + UUID.randomUUID();
        IssuedKey issued = server.newKey(organization, "growth");
        try (ConfigurableApplicationContext app = start(issued.secret(), organization)) {
            InvoiceService invoices = app.getBean(InvoiceService.class);
            JdbcOutbox outbox = app.getBean(JdbcOutbox.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            String table = outbox.table().qualified();

            // The key's organisation is not the event's: the server answers 403.
            invoices.create("inv-foreign", "another-organization");
            invoices.create("inv-own", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pendingCount("http") == 0);
            assertThat(values(http.get("/v1/events?limit=1000", issued.secret()).json(), "resource_id"))
                    .containsExactly("inv-own");

            Http.Answer revoked = http.send(http.request("/admin/keys/" + issued.info().id(), TestServer.ADMIN_TOKEN)
                    .DELETE());
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            invoices.create("inv-after-revocation", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pendingCount("http") == 0);

            List<Map<String, Object>> dead = jdbc.queryForList("select event_id, attempts, last_error from " + table
                    + " where state = 'dead' order by seq");
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).get("last_error").toString()).contains("403");
            assertThat(dead.get(1).get("last_error").toString()).contains("401").contains("Invalid API key");
            assertThat(dead).as("refused at the first attempt, never retried")
                    .allMatch(row -> ((Number) row.get("attempts")).intValue() == 0);
            assertThat(meters.counter("auditrail.events.dropped", "sink", "http", "reason", "dead-letter").count())
                    .isEqualTo(2);
            assertThat(jdbc.queryForList("select id from " + app.getEnvironment().getProperty(InvoiceApp.TABLE_PROPERTY),
                    String.class)).as("a refusal never touches the committed business change")
                    .containsExactlyInAnyOrder("inv-foreign", "inv-own", "inv-after-revocation");
        }
    }

    private ConfigurableApplicationContext start(String key, String organization) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String invoices = "invoices_" + suffix;
        jdbc.execute("create table " + invoices + " (id varchar(64) primary key)");
        tables.add(invoices);
        tables.add("outbox_" + suffix);
        return InvoiceApp.start(OutboxCrashAgainstServerTest.properties(database, invoices, "outbox_" + suffix,
                server.baseUri(), key, organization));
    }

    private long total(String key) {
        return http.get("/v1/events?limit=1", key).json().get("total").asLong();
    }

    private static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("events").forEach(event -> values.add(event.get(field).asString()));
        return values;
    }
}
