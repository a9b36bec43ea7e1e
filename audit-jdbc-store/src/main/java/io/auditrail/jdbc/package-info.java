/**
 * The JDBC audit store: {@link io.auditrail.jdbc.JdbcAuditStore} is both the sink that stores
 * events and the {@link io.auditrail.core.store.AuditStore} that reads them back, over plain
 * JDBC on PostgreSQL, MySQL/MariaDB, H2 and HSQLDB. This package is the public API; the sub-packages
 * are its parts (one dialect layer, the schema, SQL building, writes, export, retention) and
 * are internal, public only so that the parts can see each other.
 */
@NullMarked
package io.auditrail.jdbc;

import org.jspecify.annotations.NullMarked;
