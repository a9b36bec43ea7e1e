/**
 * The one place that knows how PostgreSQL, MySQL/MariaDB and H2 differ. Internal.
 */
package io.auditrail.jdbc.dialect;
