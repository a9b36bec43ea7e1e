package io.auditrail.benchmarks.kafka;

import java.io.IOException;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka benchmark's broker, run in a child JVM by {@link BrokerProcess}: one in-process
 * KRaft broker (combined controller and broker, log directories under {@code java.io.tmpdir}).
 * Prints {@code bootstrap=host:port} once it accepts connections, and stops when its standard
 * input closes, so it ends with the benchmark JVM even when that one is killed. Kafka's test kit
 * removes the log directories when the JVM exits.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    /**
     * Starts the broker and serves until standard input closes.
     *
     * @param args unused
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // Each consumer group of the benchmark is new: let it start reading at once rather than
        // after the broker's default three-second wait for more members.
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        System.out.println("bootstrap=" + broker.getBrokersAsString());
        System.out.flush();
        while (System.in.read() != -1) {
            // Nothing is sent on standard input; it only tells the broker when its parent is gone.
        }
        // Stopped here rather than in a shutdown hook: Kafka's test kit deletes its log
        // directories in a hook of its own, which would race a broker still closing its logs.
        broker.destroy();
        System.exit(0);
    }
}
