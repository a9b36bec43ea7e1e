-- Auditrail transparency log, schema v1, MariaDB 10.8+ / MySQL 8.0+. Applied after
-- schema-mysql.sql when the log is on. ${table}/${name} are the audit table, ${leaves} and
-- ${nodes} the log's tables, ${checkpoints} the checkpoint table, ${gate} the purge gate.
-- Trigger and procedure bodies end with a line "END;" (with the mysql client, wrap them in
-- DELIMITER).
--
-- One Merkle tree (RFC 9162) per organisation; events without one are keyed by ''.
-- Organisation keys are NO PAD binary (utf8mb4_nopad_bin; on MySQL 8 use utf8mb4_0900_bin):
-- under PAD SPACE 'acme' and 'acme ' would be one key, and one tenant's leaves another's. Storage
-- as in chain-postgresql.sql: leaves map an index to its event, nodes hold every complete
-- subtree hash at every level (level 0 = leaf hashes), so a proof is one primary-key query.
--
-- Grants (documented, not run here; the owner/definer must be neither role):
--   combined set-up, the application also seals:
--     GRANT SELECT, INSERT, UPDATE ON ${table} TO app_user;
--       (the store's idempotent INSERT ... ON DUPLICATE KEY UPDATE event_id = event_id needs
--       UPDATE on every inserted column; the trigger below refuses every UPDATE that changes
--       anything, so the grant lets through only that no-op)
--     GRANT SELECT, INSERT ON ${leaves} TO app_user;  (the same for ${nodes}, ${checkpoints})
--     GRANT EXECUTE ON PROCEDURE ${name}_log_purge TO app_user;  -- retention
--   separate sealer user: app_user keeps its grant on ${table} and SELECT on the log
--   tables; sealer_user gets SELECT on ${table}, SELECT, INSERT on the log tables and EXECUTE
--   on the procedure.
-- No DELETE or DROP (which TRUNCATE needs; triggers never see a TRUNCATE here), and no
-- privilege at all on ${gate}.

CREATE TABLE IF NOT EXISTS ${leaves} (
    organization_key VARCHAR(255) NOT NULL,
    leaf_index       BIGINT       NOT NULL,
    event_seq        BIGINT       NOT NULL,
    PRIMARY KEY (organization_key, leaf_index),
    UNIQUE KEY event_uk (event_seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS ${nodes} (
    organization_key VARCHAR(255) NOT NULL,
    node_level       SMALLINT     NOT NULL,
    node_index       BIGINT       NOT NULL,
    hash             CHAR(64)     NOT NULL,
    PRIMARY KEY (organization_key, node_level, node_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS ${checkpoints} (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_key VARCHAR(255) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    tree_size        BIGINT       NOT NULL,
    root_hash        CHAR(64)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    note             TEXT         NOT NULL,
    KEY org_ix (organization_key, kind, tree_size)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Open only while the purge procedure runs, for its own connection. No role but the owner
-- may touch it, so no session variable or statement of the application opens it.
CREATE TABLE IF NOT EXISTS ${gate} (
    connection_id BIGINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;

-- Byte-wise comparison: under PAD SPACE an UPDATE that only appends spaces would pass as "no change".
CREATE TRIGGER ${name}_append_only_update BEFORE UPDATE ON ${table} FOR EACH ROW
BEGIN
    IF NOT (NEW.seq <=> OLD.seq AND CAST(NEW.event_id AS BINARY) <=> CAST(OLD.event_id AS BINARY)
            AND CAST(NEW.occurred_at AS BINARY) <=> CAST(OLD.occurred_at AS BINARY)
            AND CAST(NEW.organization_id AS BINARY) <=> CAST(OLD.organization_id AS BINARY)
            AND CAST(NEW.actor_id AS BINARY) <=> CAST(OLD.actor_id AS BINARY)
            AND CAST(NEW.actor_name AS BINARY) <=> CAST(OLD.actor_name AS BINARY)
            AND CAST(NEW.actor_email AS BINARY) <=> CAST(OLD.actor_email AS BINARY)
            AND CAST(NEW.actor_type AS BINARY) <=> CAST(OLD.actor_type AS BINARY)
            AND CAST(NEW.action AS BINARY) <=> CAST(OLD.action AS BINARY)
            AND CAST(NEW.resource_type AS BINARY) <=> CAST(OLD.resource_type AS BINARY)
            AND CAST(NEW.resource_id AS BINARY) <=> CAST(OLD.resource_id AS BINARY)
            AND CAST(NEW.resource_name AS BINARY) <=> CAST(OLD.resource_name AS BINARY)
            AND CAST(NEW.outcome AS BINARY) <=> CAST(OLD.outcome AS BINARY)
            AND CAST(NEW.error_type AS BINARY) <=> CAST(OLD.error_type AS BINARY)
            AND CAST(NEW.error_message AS BINARY) <=> CAST(OLD.error_message AS BINARY)
            AND CAST(NEW.ip AS BINARY) <=> CAST(OLD.ip AS BINARY)
            AND CAST(NEW.user_agent AS BINARY) <=> CAST(OLD.user_agent AS BINARY)
            AND CAST(NEW.request_id AS BINARY) <=> CAST(OLD.request_id AS BINARY)
            AND CAST(NEW.metadata AS BINARY) <=> CAST(OLD.metadata AS BINARY)) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit table is append-only: UPDATE refused';
    END IF;
END;

-- seq is the database's: an explicit value above every row's (up to 2^63-1, which would exhaust
-- AUTO_INCREMENT and stop every later write) is replaced by the next AUTO_INCREMENT value; in a
-- BEFORE trigger a generated seq is still 0. Values below fill gaps, which the verifier reports.
CREATE TRIGGER ${name}_assign_seq BEFORE INSERT ON ${table} FOR EACH ROW
BEGIN
    IF NEW.seq > 0 AND NEW.seq > (SELECT COALESCE(MAX(seq), 0) FROM ${table}) THEN
        SET NEW.seq = 0;
    END IF;
END;

-- A DELETE passes only through the open gate (inside the purge procedure) and only for a row
-- sealed in its own organisation's tree.
CREATE TRIGGER ${name}_append_only_delete BEFORE DELETE ON ${table} FOR EACH ROW
BEGIN
    IF NOT (EXISTS (SELECT 1 FROM ${gate} WHERE connection_id = CONNECTION_ID())
            AND EXISTS (SELECT 1 FROM ${leaves} WHERE event_seq = OLD.seq
                AND organization_key = COALESCE(OLD.organization_id, ''))) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit table is append-only: rows leave only through the purge procedure';
    END IF;
END;

CREATE TRIGGER ${name}_leaves_no_update BEFORE UPDATE ON ${leaves} FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'log table is insert-only: UPDATE refused';
END;

CREATE TRIGGER ${name}_leaves_no_delete BEFORE DELETE ON ${leaves} FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'log table is insert-only: DELETE refused';
END;

CREATE TRIGGER ${name}_nodes_no_update BEFORE UPDATE ON ${nodes} FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'log table is insert-only: UPDATE refused';
END;

CREATE TRIGGER ${name}_nodes_no_delete BEFORE DELETE ON ${nodes} FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'log table is insert-only: DELETE refused';
END;

CREATE TRIGGER ${checkpoints_name}_no_update BEFORE UPDATE ON ${checkpoints} FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'checkpoint table is insert-only: UPDATE refused';
END;

CREATE TRIGGER ${checkpoints_name}_no_delete BEFORE DELETE ON ${checkpoints} FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'checkpoint table is insert-only: DELETE refused';
END;

-- The retention path: deletes the events of an organisation's leaves below p_below, only events
-- of that organisation (another tree's forged leaf must not reach them), with the definer's rights, once a retention record covers them; leaves and nodes stay.
CREATE PROCEDURE ${name}_log_purge(IN p_organization VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin,
        IN p_below BIGINT) SQL SECURITY DEFINER
BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN DELETE FROM ${gate} WHERE connection_id = CONNECTION_ID(); RESIGNAL; END;
    IF NOT EXISTS (SELECT 1 FROM ${checkpoints} WHERE organization_key = p_organization AND kind = 'RETENTION'
            AND tree_size >= p_below) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no retention record covers the prefix';
    END IF;
    INSERT INTO ${gate} (connection_id) VALUES (CONNECTION_ID());
    DELETE e FROM ${table} e JOIN ${leaves} l ON l.event_seq = e.seq
        WHERE l.organization_key = p_organization AND l.leaf_index < p_below
            AND COALESCE(e.organization_id, '') = p_organization;
    DELETE FROM ${gate} WHERE connection_id = CONNECTION_ID();
END;
