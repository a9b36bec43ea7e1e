package io.auditrail.jdbc.stream;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.stream.StreamException;
import io.auditrail.core.stream.StreamMonitor;
import io.auditrail.core.stream.StreamSettings;
import io.auditrail.core.internal.stream.net.DestinationGuard;
import io.auditrail.core.internal.stream.net.HostResolver;
import io.auditrail.core.internal.stream.net.PinnedHttpClient;
import io.auditrail.core.internal.stream.net.ReceiverTrust;
import io.auditrail.core.internal.stream.secret.SecretBox;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.schema.TableName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
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
    Duration gapSettle = Duration.ofSeconds(10);
    String instanceId = defaultInstanceId();
    boolean validateSchema = true;
    HostResolver resolver = HostResolver.SYSTEM;
    SSLSocketFactory tls = ReceiverTrust.jvmDefault();

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
     * Sets how long a hole in the audit table's sequence (an insert not yet committed, or rolled
     * back) holds delivery before deliverers pass it; 10 seconds by default. Longer than the
     * longest business transaction that writes audit rows, or such a transaction's events may be
     * passed before they commit.
     *
     * @param settle positive
     * @return this builder
     */
    public JdbcStreamsBuilder gapSettle(Duration settle) {
        if (settle == null || settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("gap settle time must be a positive duration but was " + settle);
        }
        this.gapSettle = settle;
        return this;
    }

    /**
     * Names this instance in leases; the host name and a random suffix by default.
     *
     * @param id 1 to 128 characters, unique among the instances sharing the database
     * @return this builder
     */
    public JdbcStreamsBuilder instanceId(String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("instance id must be 1 to 128 characters");
        }
        this.instanceId = id;
        return this;
    }

    /**
     * Sets whether {@link #build()} checks that the tables exist with every column; {@code true} by default.
     *
     * @param validate {@code false} to skip the check
     * @return this builder
     */
    public JdbcStreamsBuilder validateSchema(boolean validate) {
        this.validateSchema = validate;
        return this;
    }

    JdbcStreamsBuilder resolver(HostResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        return this;
    }

    /**
     * Adds trust anchors for receivers' certificates, for on-premise receivers whose certificates a
     * private CA signed or that are self-signed. The JVM's default anchors stay trusted; chains are
     * still validated and the URL's host name still verified against the certificate. Without
     * it, the JVM's default trust applies ({@code javax.net.ssl.trustStore} or the JDK's {@code cacerts}).
     *
     * @param trustStore a loaded key store whose certificates become trust anchors for stream deliveries
     * @return this builder
     * @throws IllegalArgumentException when the store holds no certificate or cannot be read
     */
    public JdbcStreamsBuilder trustStore(KeyStore trustStore) {
        this.tls = ReceiverTrust.withAnchorsFrom(Objects.requireNonNull(trustStore, "trustStore"));
        return this;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (host.length() > 100 ? host.substring(0, 100) : host) + "-" + suffix;
    }

    /**
     * Detects the database, creates the tables if the mode says so, and builds the streams
     * (not yet started).
     *
     * @return the streams
     * @throws io.auditrail.core.stream.StreamException when the database cannot be reached or the DDL fails
     */
    public JdbcStreams build() {
        // Databases keep microseconds; a nanosecond instant compared with its own stored value
        // could read as later than it, leaving a stream due now not yet due.
        Clock clock = Clock.tick(this.clock, Duration.ofNanos(1000));
        SqlDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.detect(connection);
        } catch (SQLException e) {
            throw new StreamException("cannot connect to detect the database product", e);
        }
        StreamTables tables = StreamTables.of(eventsTable, streamsTable);
        try {
            StreamsSchema.initialize(dataSource, dialect, tables, initializeSchema);
        } catch (SQLException e) {
            throw new StreamException("cannot create the streams tables " + tables.streams() + ", " + tables.refused(), e);
        }
        if (validateSchema) {
            SchemaValidator.validate(dataSource, dialect, List.of(
                    new SchemaValidator.RequiredTable("streams table", tables.streams(), StreamsSchema.STREAM_COLUMNS,
                            StreamsSchema.resourceName(dialect), "auditrail.streams.initialize-schema=always"),
                    new SchemaValidator.RequiredTable("refused-batch table", tables.refused(), StreamsSchema.REFUSED_COLUMNS,
                            StreamsSchema.resourceName(dialect), "auditrail.streams.initialize-schema=always")));
        }
        StreamRepository repository = new StreamRepository(dataSource, dialect, tables);
        EventSource events = new EventSource(dataSource, dialect, tables);
        DestinationGuard guard = new DestinationGuard(settings.allowedDestinations(), settings.allowPlainHttp(), resolver);
        PinnedHttpClient http = new PinnedHttpClient(guard, settings.connectTimeout(), settings.requestTimeout(),
                settings.maxResponseBytes(), tls);
        SecretBox secrets = new SecretBox(settings.encryptionKeyBytes());
        Sender sender = new Sender(http, secrets, clock);
        JdbcStreamService service = new JdbcStreamService(repository, events, guard, secrets, sender, clock,
                settings.failingAfterAttempts());
        SequenceHorizon horizon = new SequenceHorizon(events, () -> {
            Long min = repository.minCursor();
            return min == null ? events.maxSequence() : min;
        }, gapSettle, clock);
        StreamDeliverer deliverer = new StreamDeliverer(repository, events, sender, monitor, clock, settings.backoff(),
                settings.lease(), settings.batchSize(), instanceId);
        DeliveryWorkers workers = new DeliveryWorkers(repository, horizon, deliverer, clock, settings.pollInterval(),
                settings.deliveryThreads(), settings.connectTimeout().plus(settings.requestTimeout()));
        return new JdbcStreams(service, workers, http);
    }
}
