/**
 * The Kafka sink ({@code auditrail.sink: kafka}) and the loader from Kafka into the JDBC store
 * ({@code auditrail.kafka.loader.enabled}), built from {@code auditrail.kafka.*} when
 * {@code audit-kafka} is on the class path.
 */
package io.auditrail.micronaut.kafka;
