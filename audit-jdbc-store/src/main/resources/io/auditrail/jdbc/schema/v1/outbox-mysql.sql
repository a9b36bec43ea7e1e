-- Auditrail outbox table, schema v1, MariaDB 10.6+ / MySQL 8.0+ (older versions work without
-- SKIP LOCKED, claiming by compare-and-set). Replace ${table} when copying into a migration.
-- state: pending (waiting, or leased while lease_owner is set and next_attempt_at is ahead),
-- delivered, dead (refused for good; last_error holds the reason). While leased,
-- next_attempt_at is the end of the lease, so one index serves both new work and recovery.
-- Timestamps are DATETIME(6) holding UTC.
CREATE TABLE IF NOT EXISTS ${table} (
    seq             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    destination     VARCHAR(64)   NOT NULL,
    event_id        CHAR(36)      NOT NULL,
    payload         LONGTEXT      NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    lease_owner     VARCHAR(128),
    last_error      VARCHAR(1024),
    created_at      DATETIME(6)   NOT NULL,
    done_at         DATETIME(6),
    UNIQUE KEY event_uk (destination, event_id),
    KEY due_ix (destination, state, next_attempt_at, seq),
    KEY done_ix (state, done_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
