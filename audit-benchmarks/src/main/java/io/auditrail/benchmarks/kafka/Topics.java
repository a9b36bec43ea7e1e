package io.auditrail.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Fresh topics for each measurement, created before a pass starts and deleted after use so the
 * broker's disk does not fill up.
 */
final class Topics implements AutoCloseable {

    /**
     * A topic whose creation has just returned can still be unknown to the broker's request
     * handlers for a while (seconds on a loaded machine): producers then get
     * {@code NOT_LEADER_OR_FOLLOWER}, and an idempotent one was seen to stall on
     * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until its delivery timeout. So the benchmark waits until
     * the leader of every partition answers a request for its end offset, then a little longer.
     */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);

    private final Admin admin;
    private final int partitions;

    Topics(String bootstrapServers, int partitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.partitions = partitions;
    }

    /** Creates {@code count} topics and returns once the broker serves all of them. */
    List<String> create(int count) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            topics.add(new NewTopic("bench-" + UUID.randomUUID(), partitions, (short) 1));
        }
        admin.createTopics(topics).all().get();
        List<String> names = topics.stream().map(NewTopic::name).toList();
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        while (!allLeadersServe(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics have no leader after " + READY_DEADLINE + ": " + names);
            }
            Thread.sleep(50);
        }
        Thread.sleep(SETTLE.toMillis());
        return names;
    }

    private boolean allLeadersServe(List<String> names) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String name : names) {
            for (int partition = 0; partition < partitions; partition++) {
                ends.put(new TopicPartition(name, partition), OffsetSpec.latest());
            }
        }
        try {
            admin.listOffsets(ends).all().get();
            return true;
        } catch (ExecutionException notYetLed) {
            return false;
        }
    }

    void delete(String topic) throws ExecutionException, InterruptedException {
        admin.deleteTopics(List.of(topic)).all().get();
    }

    @Override
    public void close() {
        admin.close();
    }
}
