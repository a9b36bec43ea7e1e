/**
 * What the JDBC store says about databases it cannot use:
 * {@link io.auditrail.jdbc.dialect.UnsupportedDatabaseException}. The dialects themselves are
 * internal ({@code io.auditrail.jdbc.internal.dialect}).
 */
@NullMarked
package io.auditrail.jdbc.dialect;

import org.jspecify.annotations.NullMarked;
