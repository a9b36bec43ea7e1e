/**
 * Streaming export as CSV, JSON array or JSON Lines in constant memory. Internal.
 */
@NullMarked
package io.auditrail.jdbc.internal.export;

import org.jspecify.annotations.NullMarked;
