package io.auditrail.jdbc.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.internal.stream.secret.SecretRules;
import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The application killed mid-stream: the deliverer runs in a child JVM against the embedded
 * PostgreSQL server (a separate process that outlives the child), is killed with SIGKILL while the
 * receiver holds a batch, and a new child takes over once the dead one's lease has run out.
 */
class StreamDeliveryCrashTest {

    private static final List<String> ORGS = List.of("acme", "globex");

    private final DataSource dataSource = PostgresConfig.get().dataSource();
    private final List<Process> children = new ArrayList<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger acmeRequests = new AtomicInteger();
    private HttpServer receiver;
    private String eventsTable;
    private String streamsTable;

    @TempDir
    Path logs;

    record Request(String organization, String webhookId, List<String> eventIds) {
    }

    @BeforeEach
    void setUp() throws IOException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        eventsTable = "ev_" + suffix;
        streamsTable = "st_" + suffix;
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", this::handle);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        release.countDown();
        receiver.stop(0);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + streamsTable + "_refused");
            statement.execute("DROP TABLE IF EXISTS " + streamsTable);
            statement.execute("DROP TABLE IF EXISTS " + eventsTable);
        }
    }

    /** Records every request when it arrives; holds acme's second batch until the test releases it. */
    private void handle(HttpExchange exchange) throws IOException {
        String organization = exchange.getRequestURI().getPath().substring(1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<String> ids = new ArrayList<>();
        for (JsonNode event : AbstractStreamDeliveryTest.JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("data")) {
            ids.add(event.get("id").asString());
        }
        received.add(new Request(organization, exchange.getRequestHeaders().getFirst("webhook-id"), ids));
        if (organization.equals("acme") && acmeRequests.incrementAndGet() == 2) {
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException deliverersSocketIsGone) {
            // the held batch's deliverer was killed; nobody reads this answer
        }
    }

    @Test
    void aDelivererKilledMidBatchIsReplacedByANewProcessWithNoGapAndDuplicatesOnlyUnderTheSameId() throws Exception {
        JdbcAuditStore store = JdbcAuditStore.builder(dataSource).tableName(eventsTable)
                .initializeSchema(InitializeSchema.ALWAYS).build();
        try (JdbcStreams admin = JdbcStreams.builder(dataSource, StreamDelivererProcess.settings())
                .eventsTableName(eventsTable).streamsTableName(streamsTable).initializeSchema(InitializeSchema.ALWAYS)
                .build()) {
            for (String organization : ORGS) {
                admin.service().create(organization, new NewStream("siem", DestinationKind.WEBHOOK, url(organization),
                        StreamFormat.AUDITRAIL_JSON, SecretRules.newWebhookSecret(), StartPoint.now()));
            }
        }
        Map<String, List<String>> written = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            for (String organization : ORGS) {
                List<AuditEvent> events = events(organization, 10, round);
                store.write(events);
                events.forEach(e -> written.computeIfAbsent(organization, o -> new ArrayList<>()).add(e.id().toString()));
            }
        }

        Process first = startChild("first");
        assertThat(held.await(20, TimeUnit.SECONDS)).as("acme's second batch reached the receiver; child log: %s",
                log("first")).isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        release.countDown();
        Request inFlight = received.stream().filter(r -> r.organization().equals("acme")).toList().get(1);

        startChild("second");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String organization : ORGS) {
                assertThat(firstSeen(organization)).as("delivered to %s; child log: %s", organization, log("second"))
                        .containsExactlyElementsOf(written.get(organization));
            }
        });

        Map<String, String> webhookIdOfEvent = new HashMap<>();
        for (Request request : received) {
            for (String id : request.eventIds()) {
                String previous = webhookIdOfEvent.putIfAbsent(id, request.webhookId());
                assertThat(previous == null ? request.webhookId() : previous)
                        .as("a duplicate of %s carries its first delivery's webhook-id", id).isEqualTo(request.webhookId());
            }
        }
        assertThat(received.stream().filter(r -> r.webhookId().equals(inFlight.webhookId())))
                .as("the batch in flight at the kill was sent again, whole, under its id")
                .hasSize(2).allSatisfy(r -> assertThat(r.eventIds()).isEqualTo(inFlight.eventIds()));
    }

    private List<String> firstSeen(String organization) {
        List<String> ids = new ArrayList<>();
        for (Request request : received) {
            if (request.organization().equals(organization)) {
                request.eventIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            }
        }
        return ids;
    }

    private URI url(String organization) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + organization);
    }

    private static List<AuditEvent> events(String organization, int count, int round) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(AuditEvent.builder().organizationId(organization).timestamp(Instant.now())
                    .actor(Actor.user("alice", "Alice", "alice@example.com")).action("invoice.updated")
                    .resource(new Resource("invoice", "inv-" + round + "-" + i, null)).build());
        }
        return events;
    }

    private Process startChild(String instance) throws IOException {
        PGSimpleDataSource postgres = (PGSimpleDataSource) dataSource;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StreamDelivererProcess.class.getName(), postgres.getURL(),
                postgres.getUser() == null ? "" : postgres.getUser(),
                postgres.getPassword() == null ? "" : postgres.getPassword(), eventsTable, streamsTable, instance)
                .redirectErrorStream(true).redirectOutput(logs.resolve(instance + ".log").toFile()).start();
        children.add(child);
        return child;
    }

    private String log(String instance) {
        try {
            return Files.readString(logs.resolve(instance + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
