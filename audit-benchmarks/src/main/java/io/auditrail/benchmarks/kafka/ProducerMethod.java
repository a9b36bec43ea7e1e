package io.auditrail.benchmarks.kafka;

import io.auditrail.core.dispatch.AsyncSettings;
import java.time.Duration;

/** One way of putting events on a topic, measured over a fixed window. */
interface ProducerMethod {

    /** Size of each sink call: the async dispatcher's default batch ({@code AsyncSettings.DEFAULTS}). */
    int BATCH = AsyncSettings.DEFAULTS.batchSize();

    /** A short label for the results table. */
    String label();

    /**
     * Sends for {@code window}, then waits until everything sent is acknowledged.
     *
     * @param bootstrapServers the broker
     * @param topic a fresh topic
     * @param window how long to keep sending
     * @return acknowledged events per second, the final wait included
     */
    double eventsPerSecond(String bootstrapServers, String topic, Duration window) throws Exception;
}
