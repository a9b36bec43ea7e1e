-- The business tables of the sample app; Auditrail creates its own audit_events table.
CREATE TABLE IF NOT EXISTS organizations (
    id              VARCHAR(64)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    invoice_prefix  VARCHAR(20)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    invoice_counter BIGINT       NOT NULL
);

CREATE TABLE IF NOT EXISTS members (
    id               VARCHAR(64)  PRIMARY KEY,
    organization_id  VARCHAR(64)  NOT NULL REFERENCES organizations (id),
    username         VARCHAR(100) UNIQUE,
    email            VARCHAR(200) NOT NULL,
    display_name     VARCHAR(200),
    password_hash    VARCHAR(200),
    role             VARCHAR(20)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    invitation_token VARCHAR(64)  UNIQUE
);

CREATE TABLE IF NOT EXISTS invoices (
    id               VARCHAR(64)  PRIMARY KEY,
    organization_id  VARCHAR(64)  NOT NULL REFERENCES organizations (id),
    number           VARCHAR(40)  NOT NULL,
    customer         VARCHAR(200) NOT NULL,
    amount_cents     BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL
);

CREATE TABLE IF NOT EXISTS api_keys (
    id               VARCHAR(64)  PRIMARY KEY,
    organization_id  VARCHAR(64)  NOT NULL REFERENCES organizations (id),
    name             VARCHAR(100) NOT NULL,
    secret_hash      VARCHAR(200) NOT NULL,
    revoked          BOOLEAN      NOT NULL
);
