/**
 * The outbox on JDBC: a table per the shipped DDL ({@code io/auditrail/jdbc/schema/v1/outbox-*.sql})
 * that the outbox dispatcher appends to in the caller's transaction and relays claim from with
 * {@code FOR UPDATE SKIP LOCKED}, or by compare-and-set where the database lacks it.
 * {@link io.auditrail.jdbc.outbox.JdbcOutbox} and its builder are the public API.
 */
@NullMarked
package io.auditrail.jdbc.outbox;

import org.jspecify.annotations.NullMarked;
