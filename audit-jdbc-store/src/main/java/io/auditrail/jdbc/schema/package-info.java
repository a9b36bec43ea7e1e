/**
 * The audit table: its validated name, the versioned DDL resources under
 * {@code io/auditrail/jdbc/schema/v1/} and the initialiser that runs them. Internal; when it
 * runs is core's {@link io.auditrail.core.config.InitializeSchema}, which users pass to the builder.
 */
package io.auditrail.jdbc.schema;
