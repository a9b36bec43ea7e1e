package io.auditrail.core.config;

/**
 * Names of the sinks Auditrail ships, values of {@code auditrail.sink}. The set is open: any
 * {@link io.auditrail.core.spi.AuditSinkProvider} on the class path adds its own name.
 */
public final class SinkType {

    /** The JDBC store on the application's DataSource (module audit-jdbc-store). */
    public static final String JDBC = "jdbc";
    /** One JSON line per event through SLF4J. */
    public static final String LOG = "log";
    /** The hosted audit-log API, configured under auditrail.http. */
    public static final String HTTP = "http";
    /** A Kafka topic, configured under auditrail.kafka (module audit-kafka). */
    public static final String KAFKA = "kafka";

    private SinkType() {
    }
}
