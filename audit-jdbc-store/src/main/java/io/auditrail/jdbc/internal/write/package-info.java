/**
 * Idempotent batched inserts, the transaction rule and the classification of failures as
 * retryable or not. Internal.
 */
package io.auditrail.jdbc.internal.write;
