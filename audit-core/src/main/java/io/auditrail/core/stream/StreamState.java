package io.auditrail.core.stream;

/** Whether a stream's deliverer sends events; what the organisation's admins control. */
public enum StreamState {

    /** Events are delivered. */
    ACTIVE,

    /** Nothing is sent and the cursor stays; set by an admin, or by the deliverer after a 401/403. */
    PAUSED
}
