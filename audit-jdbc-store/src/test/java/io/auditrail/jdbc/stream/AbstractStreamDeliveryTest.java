package io.auditrail.jdbc.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.ForbiddenDestinationException;
import io.auditrail.core.stream.HealthState;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamNotFoundException;
import io.auditrail.core.stream.StreamSettings;
import io.auditrail.core.stream.StreamUpdate;
import io.auditrail.core.stream.TestDeliveryResult;
import io.auditrail.core.internal.stream.secret.SecretRules;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.DbConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams end to end on one database: real loopback receivers (allow-listed), the audit table
 * written by the real store, and the deliverer reading it by cursor. Each test has its own tables.
 */
public abstract class AbstractStreamDeliveryTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String ORG = "acme";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String eventsTable;
    private String streamsTable;
    MutableClock clock;
    JdbcAuditStore store;
    LoopbackReceiver receiver;

    protected abstract DbConfig dbConfig();

    @BeforeEach
    void setUp() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        eventsTable = "ev_" + suffix;
        streamsTable = "st_" + suffix;
        clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        store = JdbcAuditStore.builder(dbConfig().dataSource()).tableName(eventsTable)
                .initializeSchema(InitializeSchema.ALWAYS).build();
        receiver = LoopbackReceiver.start();
        toClose.add(receiver);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + streamsTable + "_refused");
            statement.execute("DROP TABLE IF EXISTS " + streamsTable);
            statement.execute("DROP TABLE IF EXISTS " + eventsTable);
        }
    }

    StreamSettings.Builder settings() {
        return StreamSettings.builder(KEY).allowDestinations(List.of("127.0.0.1/32", "::1/128")).allowPlainHttp(true)
                .batchSize(10).backoff(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0))
                .lease(Duration.ofSeconds(30)).timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    JdbcStreams streams(DataSource dataSource, StreamSettings settings, String instance) {
        JdbcStreams streams = JdbcStreams.builder(dataSource, settings).eventsTableName(eventsTable)
                .streamsTableName(streamsTable).initializeSchema(InitializeSchema.ALWAYS).clock(clock)
                .instanceId(instance).gapSettle(Duration.ofMillis(1)).build();
        toClose.add(streams);
        return streams;
    }

    JdbcStreams streams() {
        return streams(dbConfig().dataSource(), settings().build(), "one");
    }

    List<AuditEvent> write(int count, String organizationId) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(AuditEvent.builder().organizationId(organizationId).timestamp(clock.instant())
                    .actor(Actor.user("alice", "Alice", "alice@example.com")).action("invoice.updated")
                    .resource(new Resource("invoice", "inv-" + i, null))
                    .context(new RequestContext("203.0.113.7", "test-agent", "req-" + i))
                    .metadata("n", (long) i).build());
        }
        store.write(events);
        return events;
    }

    StreamDefinition webhook(JdbcStreams streams, String secret, StreamFormat format) {
        return streams.service().create(ORG, new NewStream("siem", DestinationKind.WEBHOOK, receiver.url("/hook"), format,
                secret, StartPoint.now()));
    }

    /** Event ids in each received webhook body, in order, with the message id. */
    static List<String> eventIds(LoopbackReceiver.Received request) {
        List<String> ids = new ArrayList<>();
        JsonNode data = JSON.readTree(request.body()).get("data");
        for (JsonNode event : data) {
            ids.add(event.has("id") ? event.get("id").asString() : event.get("metadata").get("uid").asString());
        }
        return ids;
    }

    static List<String> ids(List<AuditEvent> events) {
        return events.stream().map(e -> e.id().toString()).toList();
    }

    @Test
    void deliversEveryEventInOrderSignedPerStandardWebhooks() throws Exception {
        String secret = SecretRules.newWebhookSecret();
        JdbcStreams streams = streams();
        webhook(streams, secret, StreamFormat.AUDITRAIL_JSON);
        List<AuditEvent> events = write(25, ORG);
        write(5, "globex");

        assertThat(streams.deliverDueNow()).isEqualTo(25);

        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
        List<String> delivered = new ArrayList<>();
        for (LoopbackReceiver.Received request : receiver.received()) {
            assertThat(verifier.verify(request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body(), clock.instant().getEpochSecond())).isTrue();
            assertThat(JSON.readTree(request.body()).get("type").asString()).isEqualTo("audit.events");
            delivered.addAll(eventIds(request));
        }
        assertThat(receiver.received()).hasSize(3);
        assertThat(delivered).containsExactlyElementsOf(ids(events));
        StreamHealth health = streams.service().health(ORG, streams.service().list(ORG).get(0).id());
        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(health.delivered()).isEqualTo(25);
        assertThat(health.lagEvents()).isZero();
    }

    @Test
    void theDeliveryThreadsDrainABacklogAndStopCleanly() {
        JdbcStreams streams = streams(dbConfig().dataSource(), settings().pollInterval(Duration.ofMillis(50)).build(), "one");
        webhook(streams, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        List<AuditEvent> events = write(45, ORG);
        streams.start();
        streams.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.received().stream().mapToInt(r -> eventIds(r).size()).sum() >= 45);
        streams.close();
        List<String> delivered = new ArrayList<>();
        receiver.received().forEach(request -> delivered.addAll(eventIds(request)));
        assertThat(delivered).containsExactlyElementsOf(ids(events));
        write(1, ORG);
        assertThat(receiver.received()).as("nothing is sent after close").hasSize(5);
    }

    @Test
    void aTamperedBodyFailsTheIndependentSignatureCheck() throws Exception {
        String secret = SecretRules.newWebhookSecret();
        JdbcStreams streams = streams();
        webhook(streams, secret, StreamFormat.OCSF);
        write(1, ORG);
        streams.deliverDueNow();
        LoopbackReceiver.Received request = receiver.received().get(0);
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
        long now = clock.instant().getEpochSecond();
        assertThat(verifier.verify(request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body().replace("Auditrail", "AuditraiL"), now)).isFalse();
        assertThat(new StandardWebhooksVerifier(SecretRules.newWebhookSecret()).verify(request.header("webhook-id"),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(), now)).isFalse();
        assertThat(JSON.readTree(request.body()).get("data").get(0).get("class_uid").asInt()).isEqualTo(6003);
    }

    @Test
    void splunkHecReceiverGetsEventEnvelopesWithItsToken() {
        JdbcStreams streams = streams();
        streams.service().create(ORG, new NewStream("splunk", DestinationKind.SPLUNK_HEC,
                receiver.url("/services/collector/event"), StreamFormat.OCSF, "hec-token-123456", null));
        List<AuditEvent> events = write(3, ORG);
        streams.deliverDueNow();

        LoopbackReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("authorization")).isEqualTo("Splunk hec-token-123456");
        List<String> lines = request.body().lines().toList();
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode envelope = JSON.readTree(lines.get(i));
            assertThat(envelope.get("sourcetype").asString()).isEqualTo("ocsf");
            assertThat(envelope.get("time").asDouble()).isCloseTo(events.get(i).timestamp().toEpochMilli() / 1000.0,
                    org.assertj.core.data.Offset.offset(0.001));
            assertThat(envelope.get("event").get("metadata").get("uid").asString()).isEqualTo(events.get(i).id().toString());
            assertThat(envelope.get("fields").get("organization_id").asString()).isEqualTo(ORG);
        }
    }

    @Test
    void datadogReceiverGetsALogsArrayWithItsApiKey() {
        JdbcStreams streams = streams();
        streams.service().create(ORG, new NewStream("dd", DestinationKind.DATADOG, receiver.url("/api/v2/logs"),
                StreamFormat.AUDITRAIL_JSON, "dd-api-key-0001", null));
        List<AuditEvent> events = write(2, ORG);
        streams.deliverDueNow();

        LoopbackReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("dd-api-key")).isEqualTo("dd-api-key-0001");
        JsonNode logs = JSON.readTree(request.body());
        assertThat(logs.isArray()).isTrue();
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).get("ddsource").asString()).isEqualTo("auditrail");
        assertThat(logs.get(0).get("ddtags").asString()).contains("organization_id:acme");
        assertThat(JSON.readTree(logs.get(1).get("message").asString()).get("id").asString())
                .isEqualTo(events.get(1).id().toString());
    }

    @Test
    void retriesAfter429AndHonoursRetryAfterWithTheSameWebhookId() {
        JdbcStreams streams = streams();
        StreamDefinition stream = webhook(streams, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        write(3, ORG);
        receiver.then(new LoopbackReceiver.Answer(429, Map.of("Retry-After", "120"), "slow down", 0),
                LoopbackReceiver.Answer.of(503));

        assertThat(streams.deliverDueNow()).isZero();
        StreamHealth health = streams.service().health(ORG, stream.id());
        assertThat(health.state()).isEqualTo(HealthState.RETRYING);
        assertThat(health.lastError()).contains("HTTP 429").contains("slow down");
        assertThat(health.nextAttemptAt()).isAfterOrEqualTo(clock.instant().plusSeconds(120));

        clock.advance(Duration.ofSeconds(60));
        assertThat(streams.deliverDueNow()).as("Retry-After not over yet").isZero();
        assertThat(receiver.received()).hasSize(1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(streams.deliverDueNow()).as("503").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(streams.deliverDueNow()).isEqualTo(3);

        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
        assertThat(streams.service().health(ORG, stream.id()).state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void aTimeoutIsRetriedAndManyFailuresShowAsFailing() {
        JdbcStreams streams = streams(dbConfig().dataSource(), settings().failingAfterAttempts(2).build(), "one");
        StreamDefinition stream = webhook(streams, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        write(1, ORG);
        receiver.then(new LoopbackReceiver.Answer(200, Map.of(), "", 2500), LoopbackReceiver.Answer.of(500));

        streams.deliverDueNow();
        StreamHealth first = streams.service().health(ORG, stream.id());
        assertThat(first.state()).isEqualTo(HealthState.RETRYING);
        assertThat(first.lastError()).contains("timed out");
        clock.advance(Duration.ofSeconds(10));
        streams.deliverDueNow();
        assertThat(streams.service().health(ORG, stream.id()).state()).isEqualTo(HealthState.FAILING);
        clock.advance(Duration.ofSeconds(10));
        assertThat(streams.deliverDueNow()).isEqualTo(1);
        assertThat(streams.service().health(ORG, stream.id()).state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void unauthorizedPausesTheStreamUntilAnAdminResumesIt() {
        JdbcStreams streams = streams();
        StreamDefinition stream = webhook(streams, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        write(2, ORG);
        receiver.then(new LoopbackReceiver.Answer(401, Map.of(), "bad signature", 0));

        assertThat(streams.deliverDueNow()).isZero();
        StreamHealth paused = streams.service().health(ORG, stream.id());
        assertThat(paused.state()).isEqualTo(HealthState.PAUSED);
        assertThat(paused.lastError()).contains("HTTP 401").contains("paused");
        clock.advance(Duration.ofHours(1));
        assertThat(streams.deliverDueNow()).isZero();
        assertThat(receiver.received()).hasSize(1);

        streams.service().resume(ORG, stream.id());
        assertThat(streams.deliverDueNow()).isEqualTo(2);
        assertThat(streams.service().health(ORG, stream.id()).state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void aBatchRefusedForGoodIsRecordedAndSkippedSoNewerEventsFlow() {
        JdbcStreams streams = streams();
        StreamDefinition stream = webhook(streams, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        List<AuditEvent> events = write(15, ORG);
        receiver.then(new LoopbackReceiver.Answer(422, Map.of(), "{\"error\":\"schema\"}", 0));

        assertThat(streams.deliverDueNow()).isEqualTo(15);

        assertThat(receiver.received()).hasSize(2);
        assertThat(eventIds(receiver.received().get(1))).containsExactlyElementsOf(ids(events.subList(10, 15)));
        var refused = streams.service().refusedBatches(ORG, stream.id(), 10);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).status()).isEqualTo(422);
        assertThat(refused.get(0).events()).isEqualTo(10);
        assertThat(refused.get(0).firstEventId()).isEqualTo(events.get(0).id().toString());
        assertThat(refused.get(0).lastEventId()).isEqualTo(events.get(9).id().toString());
        StreamHealth health = streams.service().health(ORG, stream.id());
        assertThat(health.failed()).isEqualTo(10);
        assertThat(health.delivered()).isEqualTo(5);
    }

    @Test
    void twoDeliverersOnTwoDataSourcesDeliverEachBatchOnce() throws Exception {
        DataSource second = new DelegatingDataSource(dbConfig().dataSource());
        JdbcStreams one = streams();
        JdbcStreams two = streams(second, settings().build(), "two");
        webhook(one, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        List<AuditEvent> events = write(200, ORG);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (JdbcStreams streams : List.of(one, two)) {
            runs.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 60; i++) {
                    streams.deliverDueNow();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<String> delivered = new ArrayList<>();
        receiver.received().forEach(request -> delivered.addAll(eventIds(request)));
        assertThat(delivered).containsExactlyElementsOf(ids(events));
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(20);
    }

    @Test
    void aDelivererStoppedMidStreamIsReplacedWithNoGapAndDuplicatesOnlyUnderTheSameId() throws Exception {
        JdbcStreams first = streams(dbConfig().dataSource(), settings().lease(Duration.ofSeconds(5)).build(), "first");
        webhook(first, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        List<AuditEvent> events = write(30, ORG);
        // The second batch reaches the receiver, but its answer comes after the request timeout:
        // the deliverer never learns it was accepted, as when the process dies mid-request.
        receiver.then(LoopbackReceiver.Answer.of(200), new LoopbackReceiver.Answer(200, Map.of(), "", 2500));
        first.deliverDueNow();
        first.close();
        Thread.sleep(1600);

        JdbcStreams second = streams(dbConfig().dataSource(), settings().build(), "second");
        clock.advance(Duration.ofSeconds(30));
        second.deliverDueNow();

        Map<String, String> idOfEvent = new HashMap<>();
        List<String> firstSeen = new ArrayList<>();
        for (LoopbackReceiver.Received request : receiver.received()) {
            for (String id : eventIds(request)) {
                String previous = idOfEvent.putIfAbsent(id, request.header("webhook-id"));
                if (previous == null) {
                    firstSeen.add(id);
                } else {
                    assertThat(previous).as("a duplicate of " + id + " under the same webhook-id")
                            .isEqualTo(request.header("webhook-id"));
                }
            }
        }
        assertThat(firstSeen).containsExactlyElementsOf(ids(events));
        assertThat(receiver.received().size()).as("the batch in flight was sent again").isEqualTo(4);
    }

    @Test
    void backfillStartsAtTheGivenTimeAndNowSkipsTheHistory() {
        clock.advance(Duration.ofHours(-2));
        List<AuditEvent> old = write(3, ORG);
        clock.advance(Duration.ofHours(2));
        List<AuditEvent> recent = write(2, ORG);
        JdbcStreams streams = streams();
        streams.service().create(ORG, new NewStream("backfill", DestinationKind.WEBHOOK, receiver.url("/a"), null,
                SecretRules.newWebhookSecret(), StartPoint.backfillFrom(clock.instant().minus(Duration.ofHours(1)))));
        streams.service().create(ORG, new NewStream("now", DestinationKind.WEBHOOK, receiver.url("/b"), null,
                SecretRules.newWebhookSecret(), StartPoint.now()));
        List<AuditEvent> later = write(1, ORG);

        streams.deliverDueNow();

        List<String> delivered = new ArrayList<>();
        receiver.received().forEach(request -> delivered.addAll(eventIds(request)));
        List<String> expected = new ArrayList<>(ids(recent));
        expected.addAll(ids(later));
        expected.addAll(ids(later));
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected).doesNotContainAnyElementsOf(ids(old));
    }

    @Test
    void anotherOrganisationCannotSeeOrChangeAStream() {
        JdbcStreams streams = streams();
        StreamDefinition stream = webhook(streams, SecretRules.newWebhookSecret(), StreamFormat.AUDITRAIL_JSON);
        assertThat(streams.service().list("globex")).isEmpty();
        assertThat(streams.service().get("globex", stream.id())).isEmpty();
        assertThatThrownBy(() -> streams.service().update("globex", stream.id(), new StreamUpdate("x", null, null, null)))
                .isInstanceOf(StreamNotFoundException.class);
        assertThatThrownBy(() -> streams.service().pause("globex", stream.id())).isInstanceOf(StreamNotFoundException.class);
        assertThatThrownBy(() -> streams.service().health("globex", stream.id())).isInstanceOf(StreamNotFoundException.class);
        assertThatThrownBy(() -> streams.service().sendTestEvent("globex", stream.id()))
                .isInstanceOf(StreamNotFoundException.class);
        assertThat(streams.service().delete("globex", stream.id())).isFalse();
        assertThat(streams.service().get(ORG, stream.id())).isPresent();
    }

    @Test
    void theSecretIsEncryptedAtRestAndTheTestEventReportsTheAnswer() throws Exception {
        String secret = SecretRules.newWebhookSecret();
        JdbcStreams streams = streams();
        StreamDefinition stream = webhook(streams, secret, StreamFormat.AUDITRAIL_JSON);
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT secret FROM " + streamsTable)) {
            rows.next();
            assertThat(rows.getString(1)).startsWith("v1:").doesNotContain(secret.substring(6, 20));
        }
        assertThat(stream.toString()).doesNotContain(secret);

        receiver.then(new LoopbackReceiver.Answer(400, Map.of(), "nope", 0));
        TestDeliveryResult refused = streams.service().sendTestEvent(ORG, stream.id());
        assertThat(refused.delivered()).isFalse();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("nope");
        TestDeliveryResult accepted = streams.service().sendTestEvent(ORG, stream.id());
        assertThat(accepted.delivered()).isTrue();
        assertThat(JSON.readTree(receiver.received().get(1).body()).get("type").asString()).isEqualTo("audit.test");
        assertThat(new StandardWebhooksVerifier(secret).verify(receiver.received().get(1).header("webhook-id"),
                receiver.received().get(1).header("webhook-timestamp"),
                receiver.received().get(1).header("webhook-signature"), receiver.received().get(1).body(),
                Instant.now().getEpochSecond())).isTrue();
        assertThat(streams.service().health(ORG, stream.id()).delivered()).as("a test moves nothing").isZero();
    }

    @Test
    void internalDestinationsAreRefusedUnlessAllowListed() throws Exception {
        JdbcStreams strict = streams(dbConfig().dataSource(), StreamSettings.builder(KEY).allowPlainHttp(true).build(),
                "strict");
        for (String url : List.of("http://127.0.0.1:9/x", "http://[::1]:9/x", "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/x", "http://100.100.100.200/x", "http://[fd00:ec2::254]/x", "http://[::ffff:127.0.0.1]/x",
                "http://localhost:9/x")) {
            assertThatThrownBy(() -> strict.service().create(ORG, new NewStream("x", DestinationKind.WEBHOOK,
                    URI.create(url), null, SecretRules.newWebhookSecret(), null)))
                    .as(url).isInstanceOf(ForbiddenDestinationException.class);
        }
        JdbcStreams httpsOnly = streams(dbConfig().dataSource(), StreamSettings.builder(KEY).build(), "https");
        assertThatThrownBy(() -> httpsOnly.service().create(ORG, new NewStream("x", DestinationKind.WEBHOOK,
                URI.create("http://siem.example.com/x"), null, SecretRules.newWebhookSecret(), null)))
                .isInstanceOf(ForbiddenDestinationException.class).hasMessageContaining("https");

        JdbcStreams rebinding = JdbcStreams.builder(dbConfig().dataSource(), StreamSettings.builder(KEY).build())
                .eventsTableName(eventsTable).streamsTableName(streamsTable).initializeSchema(InitializeSchema.ALWAYS)
                .resolver(host -> new InetAddress[] {InetAddress.getByName("93.184.215.14"),
                    InetAddress.getByName("192.168.1.20")})
                .build();
        toClose.add(rebinding);
        assertThatThrownBy(() -> rebinding.service().create(ORG, new NewStream("x", DestinationKind.WEBHOOK,
                URI.create("https://siem.example.com/x"), null, SecretRules.newWebhookSecret(), null)))
                .isInstanceOf(ForbiddenDestinationException.class).hasMessageContaining("192.168.1.20");
    }

    @Test
    void aNameThatResolvesPrivateOnlyAtDeliveryTimeIsRefusedThenAndARedirectIsNeverFollowed() throws Exception {
        InetAddress[] answer = {InetAddress.getByName("93.184.215.14")};
        JdbcStreams streams = JdbcStreams.builder(dbConfig().dataSource(), settings().build())
                .eventsTableName(eventsTable).streamsTableName(streamsTable).initializeSchema(InitializeSchema.ALWAYS)
                .clock(clock).resolver(host -> host.equals("siem.example.com") ? answer.clone()
                        : InetAddress.getAllByName(host))
                .build();
        toClose.add(streams);
        StreamDefinition stream = streams.service().create(ORG, new NewStream("x", DestinationKind.WEBHOOK,
                URI.create("http://siem.example.com/x"), null, SecretRules.newWebhookSecret(), null));
        write(1, ORG);
        answer[0] = InetAddress.getByName("10.0.0.5");
        streams.deliverDueNow();
        assertThat(streams.service().health(ORG, stream.id()).lastError()).contains("10.0.0.5").contains("internal");

        try (LoopbackReceiver target = LoopbackReceiver.start()) {
            receiver.then(new LoopbackReceiver.Answer(302, Map.of("Location", target.url("/stolen").toString()), "", 0));
            streams.service().update(ORG, stream.id(), new StreamUpdate(null, receiver.url("/hook"), null, null));
            clock.advance(Duration.ofMinutes(1));
            streams.deliverDueNow();
            assertThat(receiver.received()).hasSize(1);
            assertThat(target.received()).isEmpty();
            StreamHealth health = streams.service().health(ORG, stream.id());
            assertThat(health.state()).isEqualTo(HealthState.RETRYING);
            assertThat(health.lastError()).contains("302").contains("not followed");
        }
    }

    /** A second, separate data source on the same database, as a second application instance has. */
    static final class DelegatingDataSource implements DataSource {
        private final DataSource target;

        DelegatingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
