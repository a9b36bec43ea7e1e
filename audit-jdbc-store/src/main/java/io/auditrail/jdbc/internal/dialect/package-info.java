/**
 * The one place that knows how PostgreSQL, MySQL/MariaDB, H2 and HSQLDB differ. Internal: public
 * only so the store's other packages can share it; other modules must not use it.
 */
@NullMarked
package io.auditrail.jdbc.internal.dialect;

import org.jspecify.annotations.NullMarked;
