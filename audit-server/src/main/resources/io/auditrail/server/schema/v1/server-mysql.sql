-- Auditrail server tables, version 1, MySQL 8 / MariaDB. ${...} names are validated identifiers.
-- Times are UTC; the server binds and reads them as UTC instants.
CREATE TABLE IF NOT EXISTS ${organizations} (
    id              VARCHAR(255) NOT NULL PRIMARY KEY,
    plan            VARCHAR(64) NOT NULL,
    created_at      DATETIME(6) NOT NULL
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE TABLE IF NOT EXISTS ${api_keys} (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    organization_id VARCHAR(255) NOT NULL,
    key_hash        CHAR(64) NOT NULL UNIQUE,
    key_prefix      VARCHAR(16) NOT NULL,
    name            VARCHAR(255),
    created_at      DATETIME(6) NOT NULL,
    revoked_at      DATETIME(6),
    INDEX ${api_keys_name}_org_ix (organization_id),
    FOREIGN KEY (organization_id) REFERENCES ${organizations} (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE TABLE IF NOT EXISTS ${usage} (
    organization_id VARCHAR(255) NOT NULL,
    period          CHAR(7) NOT NULL,
    event_count     BIGINT NOT NULL,
    PRIMARY KEY (organization_id, period)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
