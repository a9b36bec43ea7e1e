/**
 * Durable dispatch through an outbox: events are appended to a table in the caller's
 * transaction and a relay claims them, hands them to a remote sink, and marks them delivered,
 * scheduled for a retry, or dead. Framework-free; the JDBC outbox lives in audit-jdbc-store.
 */
@NullMarked
package io.auditrail.core.dispatch.outbox;

import org.jspecify.annotations.NullMarked;
