/** The Kafka loader, started and stopped with the application context. */
package io.auditrail.spring.internal.kafka;
