package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up checkpoints on a real H2 database, with a checkpoint interval far longer than
 * the test: every checkpoint seen here comes from start-up or from a chain's first rows.
 */
class ChainJobsTests {

    /** An exported checkpoint: its organisation and tree size. */
    private record Seen(String organizationId, long size) {
    }

    private final List<Seen> exported = new CopyOnWriteArrayList<>();
    private JdbcAuditChain chain;
    private JdbcAuditStore store;
    private ChainJobs jobs;

    @BeforeEach
    void createChain() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain-jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        chain = JdbcAuditChain.builder(dataSource).checkpointSink((organization, note) -> exported.add(
                new Seen(organization, Long.parseLong(note.body().split("\n")[1])))).build();
        store = JdbcAuditStore.builder(dataSource).chain(chain).build();
        jobs = new ChainJobs(chain, Duration.ofMillis(50), Duration.ofHours(1));
    }

    @AfterEach
    void stopJobs() {
        jobs.stop();
    }

    @Test
    void rowsLeftUnsealedAtStartUpAreSealedAndThenCheckpointed() {
        write("acme", 3);
        write(null, 1);
        jobs.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> exported.size() >= 2);
        assertThat(exported).extracting(Seen::organizationId, Seen::size)
                .containsExactlyInAnyOrder(tuple("acme", 3L),
                        tuple(null, 1L));
    }

    @Test
    void aChainStartedAfterStartUpIsCheckpointedOnceItsFirstRowsAreSealed() {
        write("acme", 2);
        jobs.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> covers("acme", 2));
        write("globex", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> covers("globex", 4));
        write("acme", 1);
        write("globex", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.sealPending() == 0
                && chain.verify("globex", null, null).treeSize() == 5);
        assertThat(exported).as("a grown chain waits for the interval")
                .noneMatch(c -> c.size() == 5 || ("acme".equals(c.organizationId()) && c.size() == 3));
    }

    private boolean covers(String organization, long seq) {
        return exported.stream().anyMatch(c -> organization.equals(c.organizationId()) && c.size() == seq);
    }

    private void write(String organization, int count) {
        for (int i = 0; i < count; i++) {
            store.write(List.of(AuditEvent.builder().organizationId(organization)
                    .actor(Actor.user("alice", "Alice", null)).action("invoice.created")
                    .resource(Resource.of("invoice", "inv-" + i)).build()));
        }
    }
}
