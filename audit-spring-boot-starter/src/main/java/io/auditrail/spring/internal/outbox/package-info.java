/** The outbox relays, started and stopped with the application context. */
package io.auditrail.spring.internal.outbox;
