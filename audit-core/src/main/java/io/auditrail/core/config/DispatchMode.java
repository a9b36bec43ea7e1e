package io.auditrail.core.config;

/** How events reach the sinks, the values of {@code auditrail.dispatch}. */
public enum DispatchMode {
    /** In the caller's transaction (JDBC sink); other sinks after commit. */
    TRANSACTIONAL,
    /** Through a bounded in-memory queue and a background writer, after commit. */
    ASYNC,
    /** On the caller's thread, after commit when a transaction is active. */
    SYNC,
    /**
     * Remote sinks: written to the outbox table in the caller's transaction and delivered by
     * a relay, configured under auditrail.outbox; the JDBC sink stays transactional.
     */
    OUTBOX
}
