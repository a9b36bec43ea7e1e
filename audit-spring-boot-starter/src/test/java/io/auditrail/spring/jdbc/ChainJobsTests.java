package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.WitnessCheckpointSink;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The jobs' checkpoints on a real H2 database: at start-up every tree, on a sealing pass only a
 * tree that got its first leaves, every interval every tree (also when idle). Where the interval
 * is far longer than the test, every checkpoint seen comes from start-up or from a new tree.
 */
class ChainJobsTests {

    /** An exported checkpoint: its organisation and tree size. */
    private record Seen(String organizationId, long size) {
    }

    private final List<Seen> exported = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private JdbcAuditChain chain;
    private JdbcAuditStore store;
    private ChainJobs jobs;

    private void createChain(Duration checkpointInterval, CheckpointSink also) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain-jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        chain = JdbcAuditChain.builder(dataSource).checkpointSink((organization, note) -> {
            also.publish(organization, note);
            exported.add(new Seen(organization, Long.parseLong(note.body().split("\n")[1])));
        }).build();
        store = JdbcAuditStore.builder(dataSource).chain(chain).build();
        jobs = new ChainJobs(chain, Duration.ofMillis(50), checkpointInterval);
    }

    private void createChain(Duration checkpointInterval) {
        createChain(checkpointInterval, (organization, note) -> {
        });
    }

    @AfterEach
    void stopJobs() throws Exception {
        if (jobs != null) {
            jobs.stop();
        }
        for (AutoCloseable resource : cleanup) {
            resource.close();
        }
    }

    @Test
    void rowsLeftUnsealedAtStartUpAreSealedAndThenCheckpointed() {
        createChain(Duration.ofHours(1));
        write("acme", 3);
        write(null, 1);
        jobs.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> exported.size() >= 2);
        assertThat(exported).extracting(Seen::organizationId, Seen::size)
                .containsExactlyInAnyOrder(tuple("acme", 3L),
                        tuple(null, 1L));
    }

    @Test
    void aNewTreeIsCheckpointedOnceAloneAndAWitnessGetsExactlyOnePostForIt() throws IOException {
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/witness", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        cleanup.add(() -> server.stop(0));
        WitnessCheckpointSink witness = new WitnessCheckpointSink(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort() + "/witness"), Duration.ofSeconds(5), Duration.ofSeconds(5), true, null);
        createChain(Duration.ofHours(1), witness);
        write("acme", 2);
        jobs.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> covers("acme", 2));

        write("globex", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> covers("globex", 4));
        write("acme", 1);
        write("globex", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.verify("acme", null, null).treeSize() == 3
                && chain.verify("globex", null, null).treeSize() == 5);

        assertThat(exported).as("start-up, then the new tree alone; grown trees wait for the interval")
                .extracting(Seen::organizationId, Seen::size)
                .containsExactly(tuple("acme", 2L), tuple("globex", 4L));
        assertThat(posts).as("one POST per checkpoint").hasSize(2);
        assertThat(posts.get(1)).as("the new tree's checkpoint").contains("/org/globex\n4\n");
        assertThat(witness.failures()).isZero();
    }

    @Test
    void everyTreeIsCheckpointedEveryIntervalAlsoWhenIdle() {
        createChain(Duration.ofMillis(100));
        write("acme", 2);
        write("globex", 1);
        jobs.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> exported.stream()
                .filter(c -> "globex".equals(c.organizationId())).count() >= 3);
        assertThat(exported).as("nothing was written after start-up")
                .allMatch(c -> c.size() == ("acme".equals(c.organizationId()) ? 2 : 1));
        assertThat(exported.stream().filter(c -> "acme".equals(c.organizationId())).count()).isGreaterThanOrEqualTo(2);
    }

    private boolean covers(String organization, long size) {
        return exported.stream().anyMatch(c -> organization.equals(c.organizationId()) && c.size() == size);
    }

    /** Writes the events in one transaction, so a sealing pass sees all of them or none. */
    private void write(String organization, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(AuditEvent.builder().organizationId(organization)
                    .actor(Actor.user("alice", "Alice", null)).action("invoice.created")
                    .resource(Resource.of("invoice", "inv-" + i)).build());
        }
        store.write(events);
    }
}
