package io.auditrail.jdbc.stream;

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
    private final Runnable starter;
    private final Runnable stopper;

    JdbcStreams(StreamService service, Runnable starter, Runnable stopper) {
        this.service = service;
        this.starter = starter;
        this.stopper = stopper;
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

    /** Starts this instance's deliverers; they take the streams whose lease is free. Idempotent. */
    public void start() {
        starter.run();
    }

    /** Stops the deliverers, waiting for requests in flight up to the request timeout, and releases their leases. */
    @Override
    public void close() {
        stopper.run();
    }
}
