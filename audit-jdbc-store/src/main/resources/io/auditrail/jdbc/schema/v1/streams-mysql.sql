-- Auditrail log streams, schema v1, MariaDB 10.6+ / MySQL 8.0+ (timestamps are DATETIME(6) holding UTC).
-- ${table} is the (optionally schema-qualified) streams table, ${refused} the refused-batch
-- table, ${name} the bare streams table name used to derive index names. Replace them when
-- copying this file into a Flyway/Liquibase migration.
-- One row per stream: its definition (the secret AES-GCM encrypted), the cursor (the audit
-- table's seq of the last event delivered or skipped), the batch in flight (its last seq, so a
-- retry after a restart resends exactly the same events under the same webhook-id), the lease
-- (one deliverer across instances) and the health counters. Events are never copied.
CREATE TABLE IF NOT EXISTS ${table} (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id   VARCHAR(255)  NOT NULL,
    name              VARCHAR(100)  NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    url               VARCHAR(2048) NOT NULL,
    format            VARCHAR(16)   NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    secret            VARCHAR(1024) NOT NULL,
    backfill_from     DATETIME(6),
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    cursor_seq        BIGINT        NOT NULL,
    inflight_last_seq BIGINT,
    lease_owner       VARCHAR(128),
    lease_until       DATETIME(6),
    attempts          INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at   DATETIME(6) NOT NULL,
    last_error        VARCHAR(1024),
    last_error_at     DATETIME(6),
    last_delivered_at DATETIME(6),
    delivered_count   BIGINT        NOT NULL DEFAULT 0,
    failed_count      BIGINT        NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${name}_org_ix ON ${table} (organization_id, created_at);
-- Batches the receiver refused for good (a 4xx other than 401/403/408/425/429), skipped so
-- newer events flow; the range says which events the receiver never took.
CREATE TABLE IF NOT EXISTS ${refused} (
    id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    stream_id       VARCHAR(36)   NOT NULL,
    first_seq       BIGINT        NOT NULL,
    last_seq        BIGINT        NOT NULL,
    first_event_id  VARCHAR(36)   NOT NULL,
    last_event_id   VARCHAR(36)   NOT NULL,
    events          INTEGER       NOT NULL,
    status          INTEGER       NOT NULL,
    reason          VARCHAR(1024) NOT NULL,
    refused_at      DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${name}_refused_ix ON ${refused} (stream_id, id);
