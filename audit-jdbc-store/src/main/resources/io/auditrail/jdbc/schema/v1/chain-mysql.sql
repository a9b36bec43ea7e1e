-- Auditrail transparency log, schema v1, MariaDB 10.8+ / MySQL 8.0+. Applied after
-- schema-mysql.sql when the log is on. ${table}/${name} are the audit table, ${leaves} and
-- ${nodes} the log's tables, ${checkpoints} the checkpoint table, ${gate} the purge gate.
-- Trigger and procedure bodies end with a line "END;" (with the mysql client, wrap them in
-- DELIMITER).
--
-- One Merkle tree (RFC 9162) per organisation; events without one are keyed by ''. Storage
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
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${nodes} (
    organization_key VARCHAR(255) NOT NULL,
    node_level       SMALLINT     NOT NULL,
    node_index       BIGINT       NOT NULL,
    hash             CHAR(64)     NOT NULL,
    PRIMARY KEY (organization_key, node_level, node_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${checkpoints} (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_key VARCHAR(255) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    tree_size        BIGINT       NOT NULL,
    root_hash        CHAR(64)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    note             TEXT         NOT NULL,
    KEY org_ix (organization_key, kind, tree_size)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Open only while the purge procedure runs, for its own connection. No role but the owner
-- may touch it, so no session variable or statement of the application opens it.
CREATE TABLE IF NOT EXISTS ${gate} (
    connection_id BIGINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;

CREATE TRIGGER ${name}_append_only_update BEFORE UPDATE ON ${table} FOR EACH ROW
BEGIN
    IF NOT (NEW.seq <=> OLD.seq AND NEW.event_id <=> OLD.event_id AND NEW.occurred_at <=> OLD.occurred_at
            AND NEW.organization_id <=> OLD.organization_id AND NEW.actor_id <=> OLD.actor_id
            AND NEW.actor_name <=> OLD.actor_name AND NEW.actor_email <=> OLD.actor_email
            AND NEW.actor_type <=> OLD.actor_type AND NEW.action <=> OLD.action
            AND NEW.resource_type <=> OLD.resource_type AND NEW.resource_id <=> OLD.resource_id
            AND NEW.resource_name <=> OLD.resource_name AND NEW.outcome <=> OLD.outcome
            AND NEW.error_type <=> OLD.error_type AND NEW.error_message <=> OLD.error_message
            AND NEW.ip <=> OLD.ip AND NEW.user_agent <=> OLD.user_agent AND NEW.request_id <=> OLD.request_id
            AND NEW.metadata <=> OLD.metadata) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit table is append-only: UPDATE refused';
    END IF;
END;

-- A DELETE passes only through the open gate (inside the purge procedure) and only for a sealed row.
CREATE TRIGGER ${name}_append_only_delete BEFORE DELETE ON ${table} FOR EACH ROW
BEGIN
    IF NOT (EXISTS (SELECT 1 FROM ${gate} WHERE connection_id = CONNECTION_ID())
            AND EXISTS (SELECT 1 FROM ${leaves} WHERE event_seq = OLD.seq)) THEN
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

-- The retention path: deletes the events of an organisation's leaves below p_below with the
-- definer's rights, once a retention record covers them; leaves and nodes stay.
CREATE PROCEDURE ${name}_log_purge(IN p_organization VARCHAR(255), IN p_below BIGINT) SQL SECURITY DEFINER
BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN DELETE FROM ${gate} WHERE connection_id = CONNECTION_ID(); RESIGNAL; END;
    IF NOT EXISTS (SELECT 1 FROM ${checkpoints} WHERE organization_key = p_organization AND kind = 'RETENTION'
            AND tree_size >= p_below) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no retention record covers the prefix';
    END IF;
    INSERT INTO ${gate} (connection_id) VALUES (CONNECTION_ID());
    DELETE e FROM ${table} e JOIN ${leaves} l ON l.event_seq = e.seq
        WHERE l.organization_key = p_organization AND l.leaf_index < p_below;
    DELETE FROM ${gate} WHERE connection_id = CONNECTION_ID();
END;
