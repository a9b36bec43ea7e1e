/**
 * The loader from Kafka into the JDBC store ({@code auditrail.kafka.loader.enabled}), built from
 * {@code auditrail.kafka.*} when {@code audit-kafka} is on the class path. The Kafka sink itself
 * ({@code auditrail.sink: kafka}) needs nothing here: audit-kafka registers it as an
 * {@code AuditSinkProvider}.
 */
package io.auditrail.micronaut.kafka;
