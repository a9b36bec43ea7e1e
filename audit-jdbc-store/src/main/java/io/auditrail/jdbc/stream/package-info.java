/**
 * Log streams on JDBC: stream definitions, cursors, leases and refused-batch records in two
 * tables per the shipped DDL ({@code io/auditrail/jdbc/schema/v1/streams-*.sql}); deliverers
 * read the audit table by each stream's cursor, so events are never copied.
 * {@link io.auditrail.jdbc.stream.JdbcStreams} and its builder are the public API.
 */
@NullMarked
package io.auditrail.jdbc.stream;

import org.jspecify.annotations.NullMarked;
