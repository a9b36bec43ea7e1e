/**
 * Kafka for fleets of services: {@link io.auditrail.kafka.KafkaAuditSink} publishes events keyed
 * by organisation, and {@link io.auditrail.kafka.KafkaAuditLoader} loads them into the JDBC store
 * exactly once per event id. Kafka's own Java client only; no framework.
 */
package io.auditrail.kafka;
