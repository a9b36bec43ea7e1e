package io.auditrail.core.config;

/** Built-in sink types, the values of {@code auditrail.sink}. */
public enum SinkType {
    /** The JDBC store on the application's DataSource. */
    JDBC,
    /** One JSON line per event through SLF4J. */
    LOG,
    /** The hosted audit-log API, configured under auditrail.http. */
    HTTP,
    /** A Kafka topic, configured under auditrail.kafka (module audit-kafka). */
    KAFKA
}
