package io.auditrail.core.stream;

/** How a stream's delivery is going, as its admins see it. */
public enum HealthState {

    /** The last attempt succeeded, or nothing was due. */
    HEALTHY,

    /** The last attempt failed for a passing reason (timeout, 429, 5xx); the batch is retried with backoff. */
    RETRYING,

    /** Paused by an admin, or after the receiver answered 401/403 (the last error says which). */
    PAUSED,

    /** Several attempts in a row failed, or the last batch was refused for good and skipped. */
    FAILING
}
