-- Auditrail hash chain, schema v1, MariaDB 10.8+ / MySQL 8.0+. Applied after schema-mysql.sql
-- when chaining is on. ${table}/${name} are the audit table, ${heads} the chain-heads table,
-- ${checkpoints} the checkpoint table. Trigger and procedure bodies end with a line "END;"
-- (with the mysql client, wrap them in DELIMITER).
--
-- Events without an organisation form one chain of their own, keyed by '' in chain_org.
--
-- Grants for the application user (documented, not run here: replace app_user):
--   GRANT SELECT, INSERT, UPDATE ON ${table} TO app_user;
--     (UPDATE because the store's idempotent INSERT ... ON DUPLICATE KEY UPDATE needs it on
--     every inserted column, and for sealing; the trigger below refuses every UPDATE that
--     changes anything but NULL chain columns)
--   GRANT SELECT, INSERT, UPDATE ON ${heads} TO app_user;
--   GRANT SELECT, INSERT ON ${checkpoints} TO app_user;
--   GRANT EXECUTE ON PROCEDURE ${name}_chain_purge TO app_user;  -- retention
-- and no DELETE or DROP (which TRUNCATE needs; triggers never see a TRUNCATE here).

ALTER TABLE ${table}
    ADD COLUMN chain_org VARCHAR(255) AS (COALESCE(organization_id, '')) PERSISTENT,
    ADD UNIQUE KEY chain_seq_uk (chain_org, chain_seq),
    ADD UNIQUE KEY chain_prev_uk (chain_org, prev_hash),
    ADD KEY unsealed_ix (chain_seq, seq);

CREATE TABLE IF NOT EXISTS ${heads} (
    organization_key VARCHAR(255) NOT NULL PRIMARY KEY,
    head_seq         BIGINT       NOT NULL,
    head_hash        VARCHAR(128) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${checkpoints} (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_key VARCHAR(255) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    chain_seq        BIGINT       NOT NULL,
    hash             VARCHAR(128) NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    signature        VARCHAR(256),
    KEY org_ix (organization_key, kind, chain_seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Append-only: an UPDATE may only seal a row (set the three chain columns that were all
-- NULL, changing nothing else) or change nothing (the insert's duplicate-key no-op).
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
            AND NEW.metadata <=> OLD.metadata
            AND ((NEW.chain_seq <=> OLD.chain_seq AND NEW.prev_hash <=> OLD.prev_hash AND NEW.hash <=> OLD.hash)
                OR (OLD.chain_seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
                    AND NEW.chain_seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL))) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit table is append-only: a row may only be sealed once';
    END IF;
END;

-- A DELETE passes only inside the retention procedure and only for sealed rows.
CREATE TRIGGER ${name}_append_only_delete BEFORE DELETE ON ${table} FOR EACH ROW
BEGIN
    IF NOT (@auditrail_chain_purge <=> 1 AND OLD.chain_seq IS NOT NULL) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit table is append-only: rows leave only through the retention procedure';
    END IF;
END;

-- The retention path: deletes a sealed prefix of one chain with the definer's rights.
CREATE PROCEDURE ${name}_chain_purge(IN p_organization VARCHAR(255), IN p_up_to BIGINT) SQL SECURITY DEFINER
BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @auditrail_chain_purge = NULL; RESIGNAL; END;
    SET @auditrail_chain_purge = 1;
    DELETE FROM ${table} WHERE chain_org = p_organization AND chain_seq <= p_up_to;
    SET @auditrail_chain_purge = NULL;
END;
