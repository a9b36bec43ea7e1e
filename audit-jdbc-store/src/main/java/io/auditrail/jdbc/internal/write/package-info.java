/**
 * Idempotent batched inserts, the transaction rule and the classification of failures as
 * retryable or not. Internal.
 */
@NullMarked
package io.auditrail.jdbc.internal.write;

import org.jspecify.annotations.NullMarked;
