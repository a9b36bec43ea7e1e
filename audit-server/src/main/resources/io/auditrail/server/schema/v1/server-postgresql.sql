-- Auditrail server tables, version 1, PostgreSQL. ${...} names are validated identifiers.
CREATE TABLE IF NOT EXISTS ${organizations} (
    id              VARCHAR(255) NOT NULL PRIMARY KEY,
    plan            VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS ${api_keys} (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    organization_id VARCHAR(255) NOT NULL REFERENCES ${organizations} (id),
    key_hash        CHAR(64) NOT NULL UNIQUE,
    key_prefix      VARCHAR(16) NOT NULL,
    name            VARCHAR(255),
    created_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS ${api_keys_name}_org_ix ON ${api_keys} (organization_id);
CREATE TABLE IF NOT EXISTS ${usage} (
    organization_id VARCHAR(255) NOT NULL,
    period          CHAR(7) NOT NULL,
    event_count     BIGINT NOT NULL,
    PRIMARY KEY (organization_id, period)
);
