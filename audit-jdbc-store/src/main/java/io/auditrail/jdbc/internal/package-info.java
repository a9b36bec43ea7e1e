/**
 * The JDBC store's implementation, shared by its packages. Nothing under {@code internal} is API:
 * other modules must not use it (an ArchUnit test in each adapter module fails the build if one
 * does), and it may change in any release.
 */
@NullMarked
package io.auditrail.jdbc.internal;

import org.jspecify.annotations.NullMarked;
