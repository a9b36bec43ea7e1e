/** The durable outbox for {@code auditrail.dispatch=outbox}: the JDBC outbox table and its relays. */
package io.auditrail.micronaut.outbox;
