/**
 * The one place that knows how PostgreSQL, MySQL/MariaDB, H2 and HSQLDB differ. Internal.
 */
package io.auditrail.jdbc.dialect;
