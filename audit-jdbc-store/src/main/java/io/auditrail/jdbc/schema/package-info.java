/**
 * The audit table as users configure it: its validated name ({@link io.auditrail.jdbc.schema.TableName}),
 * the SQL script runner other modules use for their own DDL, and the exception a missing table or
 * column raises at start-up. When Auditrail creates the table is core's
 * {@link io.auditrail.core.config.InitializeSchema}. The versioned DDL resources live under
 * {@code io/auditrail/jdbc/schema/v1/}; the initialiser and validator that use them are internal
 * ({@code io.auditrail.jdbc.internal.schema}).
 */
@NullMarked
package io.auditrail.jdbc.schema;

import org.jspecify.annotations.NullMarked;
