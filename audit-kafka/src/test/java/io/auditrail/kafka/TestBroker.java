package io.auditrail.kafka;

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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One Kafka broker per test JVM, shared by the test classes; each test uses its own topic.
 * By default an in-process KRaft broker; with {@value #EXTERNAL_ENV} set to a bootstrap list,
 * the suites run against that broker instead.
 */
public final class TestBroker {

    /** Environment variable naming an external broker's bootstrap servers. */
    public static final String EXTERNAL_ENV = "AUDITRAIL_TEST_KAFKA_BOOTSTRAP_SERVERS";

    private static final Duration SETTLE = Duration.ofMillis(300);

    private TestBroker() {
    }

    /**
     * The shared broker's bootstrap servers, starting it on first use.
     *
     * @return {@code host:port}
     */
    public static String bootstrapServers() {
        return Holder.BOOTSTRAP_SERVERS;
    }

    /**
     * Creates a fresh topic.
     *
     * @param partitions how many partitions
     * @return its name
     */
    public static String newTopic(int partitions) {
        String name = "audit-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            awaitLeaders(admin, name, partitions);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + name + " on " + bootstrapServers(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
        return name;
    }

    /**
     * A topic whose creation has just returned can still be unknown to the broker's request
     * handlers for a moment on a loaded machine; an idempotent producer writing then was seen to
     * stall on {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until its delivery timeout. Tests start once
     * every partition's leader answers for its end offset, and a little later.
     */
    private static void awaitLeaders(Admin admin, String name, int partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            ends.put(new TopicPartition(name, partition), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                admin.listOffsets(ends).all().get();
                break;
            } catch (ExecutionException notYetLed) {
                if (System.nanoTime() > deadline) {
                    throw notYetLed;
                }
                Thread.sleep(50);
            }
        }
        Thread.sleep(SETTLE.toMillis());
    }

    /**
     * Reads every record of a topic from the start, until {@code expected} arrived or 30 s passed.
     *
     * @param topic the topic
     * @param expected how many records to wait for
     * @return the records read, in each partition's order
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static final class Holder {
        static final String BOOTSTRAP_SERVERS = start();

        private static String start() {
            String external = System.getenv(EXTERNAL_ENV);
            if (external != null && !external.isBlank()) {
                return external.strip();
            }
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
            return broker.getBrokersAsString();
        }
    }
}
