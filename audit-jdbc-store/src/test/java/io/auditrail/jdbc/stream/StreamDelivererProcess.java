package io.auditrail.jdbc.stream;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.stream.StreamSettings;
import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A delivering application reduced to its streams, run in a child JVM by {@link StreamDeliveryCrashTest}
 * so that it can be killed with SIGKILL: no shutdown hook, no {@code finally}, no lease released.
 * Arguments: JDBC URL, user, password, events table, streams table, instance id.
 */
final class StreamDelivererProcess {

    /** What both the child and the test use, so the test can create streams this child accepts. */
    static StreamSettings settings() {
        return StreamSettings.builder(AbstractStreamDeliveryTest.KEY).allowDestinations(List.of("127.0.0.1/32", "::1/128"))
                .allowPlainHttp(true).batchSize(10).pollInterval(Duration.ofMillis(100))
                .backoff(new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 2.0, 0.0))
                .lease(Duration.ofSeconds(2)).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)).build();
    }

    private StreamDelivererProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        if (!args[1].isEmpty()) {
            dataSource.setUser(args[1]);
            dataSource.setPassword(args[2]);
        }
        JdbcStreams streams = JdbcStreams.builder(dataSource, settings()).eventsTableName(args[3])
                .streamsTableName(args[4]).initializeSchema(InitializeSchema.NEVER).instanceId(args[5])
                .gapSettle(Duration.ofMillis(1)).build();
        streams.start();
        System.out.println("delivering as " + args[5]);
        System.out.flush();
        Thread.currentThread().join();
    }
}
