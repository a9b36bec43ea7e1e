package io.auditrail.jdbc.stream;

import io.auditrail.core.internal.stream.net.PinnedHttpClient;
import io.auditrail.core.stream.StreamService;
import io.auditrail.core.stream.StreamSettings;
import javax.sql.DataSource;

/**
 * Log streams on a JDBC store: the admin {@link StreamService} and this instance's deliverers.
 * Several instances may share the database; a lease gives each stream one deliverer at a time.
 *
 * <pre>{@code
 * JdbcStreams streams = JdbcStreams.builder(dataSource, StreamSettings.builder(key).build()).build();
 * streams.start();
 * StreamService service = streams.service();
 * ...
 * streams.close();
 * }</pre>
 */
public final class JdbcStreams implements AutoCloseable {

    private final StreamService service;
    private final DeliveryWorkers workers;
    private final PinnedHttpClient http;

    JdbcStreams(StreamService service, DeliveryWorkers workers, PinnedHttpClient http) {
        this.service = service;
        this.workers = workers;
        this.http = http;
    }

    /**
     * Starts configuring streams on a data source holding the audit table.
     *
     * @param dataSource the database of the audit table
     * @param settings the operator's settings
     * @return a builder
     */
    public static JdbcStreamsBuilder builder(DataSource dataSource, StreamSettings settings) {
        return new JdbcStreamsBuilder(dataSource, settings);
    }

    /**
     * The admin operations.
     *
     * @return the service, usable before {@link #start()} and after {@link #close()}
     */
    public StreamService service() {
        return service;
    }

    /**
     * Runs one delivery round on the calling thread (what the delivery threads do every poll
     * interval), for tests and benchmarks that want no background threads.
     *
     * @return events delivered or skipped
     */
    public int deliverDueNow() {
        return workers.deliverDueNow();
    }

    /** Starts this instance's deliverers; they take the streams whose lease is free. Idempotent. */
    public void start() {
        workers.start();
    }

    /**
     * Stops the deliverers, waiting for requests in flight up to the request timeout, releases
     * their leases and closes the connections kept alive between batches.
     */
    @Override
    public void close() {
        workers.stop();
        http.close();
    }
}
