/**
 * Retention: the policy (a default period and per-organisation overrides) and the purge that
 * deletes in bounded batches. Internal, except {@link io.auditrail.jdbc.retention.RetentionPolicy}.
 */
package io.auditrail.jdbc.retention;
