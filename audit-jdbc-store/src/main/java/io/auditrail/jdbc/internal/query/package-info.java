/**
 * SQL for the read side, with every user value bound as a parameter, and the mapping between
 * events and rows. Internal.
 */
@NullMarked
package io.auditrail.jdbc.internal.query;

import org.jspecify.annotations.NullMarked;
