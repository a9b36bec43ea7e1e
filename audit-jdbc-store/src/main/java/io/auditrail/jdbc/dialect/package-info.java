/**
 * What the JDBC store says about databases it cannot use:
 * {@link io.auditrail.jdbc.dialect.UnsupportedDatabaseException}. The dialects themselves are
 * internal ({@code io.auditrail.jdbc.internal.dialect}).
 */
package io.auditrail.jdbc.dialect;
