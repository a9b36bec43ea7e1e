package io.auditrail.jdbc.stream;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.stream.StreamMonitor;
import io.auditrail.core.stream.StreamSettings;
import io.auditrail.jdbc.schema.TableName;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/** Configures {@link JdbcStreams}; every setting is checked when it is set. Not thread-safe. */
public final class JdbcStreamsBuilder {

    /** Default name of the audit table the streams read. */
    public static final String DEFAULT_EVENTS_TABLE = "audit_events";

    /** Default name of the streams table; refused batches go to {@code <name>_refused}. */
    public static final String DEFAULT_STREAMS_TABLE = "audit_streams";

    final DataSource dataSource;
    final StreamSettings settings;
    TableName eventsTable = TableName.parse(DEFAULT_EVENTS_TABLE);
    TableName streamsTable = TableName.parse(DEFAULT_STREAMS_TABLE);
    InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;
    StreamMonitor monitor = StreamMonitor.NONE;
    Clock clock = Clock.systemUTC();

    JdbcStreamsBuilder(DataSource dataSource, StreamSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sets the audit table read; {@value #DEFAULT_EVENTS_TABLE} by default.
     *
     * @param tableName {@code table} or {@code schema.table}
     * @return this builder
     * @throws IllegalArgumentException when the name is not a plain SQL identifier
     */
    public JdbcStreamsBuilder eventsTableName(String tableName) {
        this.eventsTable = TableName.parse(tableName);
        return this;
    }

    /**
     * Sets the streams table; {@value #DEFAULT_STREAMS_TABLE} by default.
     *
     * @param tableName {@code table} or {@code schema.table}
     * @return this builder
     * @throws IllegalArgumentException when the name is not a plain SQL identifier
     */
    public JdbcStreamsBuilder streamsTableName(String tableName) {
        this.streamsTable = TableName.parse(tableName);
        return this;
    }

    /**
     * Sets when the tables are created; {@link InitializeSchema#EMBEDDED} by default.
     *
     * @param mode the mode
     * @return this builder
     */
    public JdbcStreamsBuilder initializeSchema(InitializeSchema mode) {
        this.initializeSchema = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Sets the metrics hook; {@link StreamMonitor#NONE} by default.
     *
     * @param monitor the monitor
     * @return this builder
     */
    public JdbcStreamsBuilder monitor(StreamMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        return this;
    }

    /**
     * Sets the clock; the UTC system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public JdbcStreamsBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Detects the database, creates the tables if the mode says so, and builds the streams
     * (not yet started).
     *
     * @return the streams
     * @throws io.auditrail.core.stream.StreamException when the database cannot be reached or the DDL fails
     */
    public JdbcStreams build() {
        throw new UnsupportedOperationException("streams engine lands in the next commit");
    }
}
