package io.auditrail.kafka;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process broker of its own, on a fixed port so clients find it again after
 * {@link #stop()} and {@link #start()}; its controller keeps running throughout.
 */
public final class RestartableBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    /**
     * Starts the broker with its topics.
     *
     * @param partitions partitions of each topic
     * @param topics topics to create
     */
    public RestartableBroker(int partitions, String... topics) {
        broker = new EmbeddedKafkaKraftBroker(1, partitions, topics).kafkaPorts(freePort());
        // The controller fences a restarted broker's old registration only when its session lapses (9 s by default).
        broker.brokerProperty("broker.session.timeout.ms", "1500");
        broker.brokerProperty("broker.heartbeat.interval.ms", "300");
        broker.afterPropertiesSet();
    }

    /**
     * Where clients connect, the same before and after a restart.
     *
     * @return {@code host:port}
     */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Shuts the broker down; clients see refused connections until {@link #start()}. */
    public void stop() {
        broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
    }

    /** Starts the stopped broker again on the same port. */
    public void start() {
        broker.getCluster().brokers().values().forEach(BrokerServer::startup);
    }

    @Override
    public void close() {
        broker.destroy();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
