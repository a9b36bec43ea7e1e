/**
 * Retention: the policy (a default period and per-organisation overrides) and the purge that
 * deletes in bounded batches. Internal.
 */
@NullMarked
package io.auditrail.jdbc.internal.retention;

import org.jspecify.annotations.NullMarked;
