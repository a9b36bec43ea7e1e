/**
 * Kafka throughput (issue 10): the sink and the loader beside a raw producer and consumer with
 * the same settings, against a broker in a child JVM and the PostgreSQL of the other benchmarks.
 */
package io.auditrail.benchmarks.kafka;
