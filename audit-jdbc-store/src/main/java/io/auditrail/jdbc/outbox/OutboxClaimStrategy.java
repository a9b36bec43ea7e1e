package io.auditrail.jdbc.outbox;

/** How relays take entries without two of them taking the same one. */
public enum OutboxClaimStrategy {
    /** {@link #SKIP_LOCKED} where the database supports it (PostgreSQL, MariaDB 10.6+, MySQL 8+, H2 2.3+), else {@link #COMPARE_AND_SET}. */
    AUTO,
    /** Lock due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} and lease them in the same transaction. */
    SKIP_LOCKED,
    /** Read due rows, then lease each with an update that only succeeds while the row is still due. */
    COMPARE_AND_SET
}
