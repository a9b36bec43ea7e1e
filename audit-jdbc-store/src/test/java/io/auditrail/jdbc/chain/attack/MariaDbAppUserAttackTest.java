package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacks by a holder of the combined application user on MariaDB: each must be refused by the
 * database or found by the verifier with the right class and index.
 */
class MariaDbAppUserAttackTest extends MariaDbAttackFixture {

    @Test
    void noSessionVariableGateRowOrDdlUnlocksChanges() throws SQLException {
        sealed("acme", 3);
        on(as(appUser), s -> {
            s.execute("SET @auditrail_chain_purge = 1, @auditrail_purge = 1, @auditrail_log_purge = 1");
            assertRefused(s, "SET SESSION sql_log_bin = 0");
            assertRefused(s, "INSERT INTO " + table + "_purge_gate VALUES (CONNECTION_ID())");
            assertRefused(s, "DROP TRIGGER " + table + "_append_only_delete");
            assertRefused(s, "CREATE TRIGGER " + table + "_x BEFORE INSERT ON " + table + " FOR EACH ROW SET NEW.action = 'x'");
            assertRefused(s, "ALTER TABLE " + table + " ADD COLUMN evil INT");
            assertRefused(s, "DROP PROCEDURE " + table + "_log_purge");
            assertRefused(s, "CREATE PROCEDURE " + table + "_evil() SQL SECURITY DEFINER DELETE FROM " + table);
            assertRefused(s, "DELETE FROM " + table);
            assertRefused(s, "UPDATE " + table + " SET action = 'invoice.paid'");
            assertRefused(s, "UPDATE " + table + " SET organization_id = NULL");
            assertRefused(s, "UPDATE " + table + " SET seq = seq + 1000");
            assertRefused(s, "TRUNCATE " + table);
            for (String logTable : logTables()) {
                assertRefused(s, "UPDATE " + logTable + " SET organization_key = 'x'");
                assertRefused(s, "DELETE FROM " + logTable);
                assertRefused(s, "TRUNCATE " + logTable);
                assertRefused(s, "REPLACE INTO " + logTable + " SELECT * FROM " + logTable);
            }
        });
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(3);
        assertIntact(chain.verify("acme", null, null));
    }

    @Test
    void thePurgeWithoutARetentionRecordRefusesOddArgumentsAndAForgedRecordIsABadSignature() throws SQLException {
        sealed("acme", 3);
        on(as(appUser), s -> {
            for (String arguments : List.of("'acme', -1", "'acme', 0", "'acme', " + Long.MAX_VALUE, "NULL, 3",
                    "'', 3", "'ACME', 3", "'acme', NULL")) {
                assertRefused(s, "CALL " + table + "_log_purge(" + arguments + ")");
            }
        });
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(3);
        on(as(appUser), s -> {
            s.executeUpdate(insertCheckpointSql("acme ", "RETENTION", 2, "forged"));
            assertRefused(s, "CALL " + table + "_log_purge('acme', 2)");
        });
        assertThat(count(table + " WHERE organization_id = 'acme'")).as("a record of 'acme ' is none of acme's")
                .isEqualTo(3);
        on(as(appUser), s -> {
            s.executeUpdate(insertCheckpointSql("acme", "RETENTION", 2, "forged"));
            s.execute("CALL " + table + "_log_purge('acme', 2)");
            assertRefused(s, "DELETE FROM " + table);
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 2);
    }

    /** utf8mb4_bin is PAD SPACE: 'acme' and 'acme ' are one key in the leaves' primary key. */
    @Test
    void organisationsThatDifferOnlyByTrailingSpacesGetTreesOfTheirOwn() throws SQLException {
        sealed("acme", 2);
        sealed("acme ", 2);
        assertThat(count(table + "_leaves")).as("every event is a leaf").isEqualTo(4);
        LogVerification acme = chain.verify("acme", null, null);
        LogVerification padded = chain.verify("acme ", null, null);
        assertIntact(acme);
        assertIntact(padded);
        assertThat(acme.leavesChecked()).isEqualTo(2);
        assertThat(padded.leavesChecked()).isEqualTo(2);
    }

    /** The UPDATE trigger compares with <=> under PAD SPACE: trailing spaces pass as "no change". */
    @Test
    void theApplicationUserCannotChangeAnUnsealedRowByPaddingIt() throws SQLException {
        sealed("acme", 1);
        store.write(java.util.List.of(event("acme", OLD.plusSeconds(30), "acme-pending")));
        on(as(appUser), s -> assertRefused(s, "UPDATE " + table + " SET actor_id = CONCAT(actor_id, '   '),"
                + " resource_id = CONCAT(resource_id, ' ') WHERE resource_id = 'acme-pending'"));
        assertThat(count(table + " WHERE actor_id = 'alice'")).as("no row was changed").isEqualTo(2);
    }

    /** An explicit seq at the top of BIGINT exhausts AUTO_INCREMENT: every later write fails. */
    @Test
    void anExplicitMaximalSeqDoesNotStopLaterWrites() throws SQLException {
        sealed("acme", 1);
        on(as(appUser), s -> s.executeUpdate("INSERT INTO " + table + " (seq, event_id, occurred_at, organization_id,"
                + " actor_id, actor_type, action, resource_type, resource_id, outcome) VALUES (" + Long.MAX_VALUE
                + ", '" + java.util.UUID.randomUUID() + "', NOW(6), 'mallory', 'mallory', 'user', 'invoice.created',"
                + " 'invoice', 'top', 'success')"));
        store.write(java.util.List.of(event("acme", OLD.plusSeconds(30), "acme-after")));
        assertThat(count(table + " WHERE resource_id = 'acme-after'")).isEqualTo(1);
    }

    /** As on PostgreSQL: acme's genuine retention deletes beta's event through a planted leaf. */
    @Test
    void oneOrganisationsRetentionCannotDeleteAnotherOrganisationsEvent() throws SQLException {
        sealed("acme", 2);
        long next;
        try (java.sql.Connection connection = owner().getConnection(); java.sql.Statement s = connection.createStatement();
                java.sql.ResultSet row = s.executeQuery("SELECT MAX(seq) FROM " + table)) {
            row.next();
            next = row.getLong(1) + 1;
        }
        on(as(appUser), s -> {
            s.executeUpdate("INSERT INTO " + table + "_leaves VALUES ('acme', 2, " + next + ")");
            s.executeUpdate("INSERT INTO " + table + "_nodes VALUES ('acme', 0, 2, '" + "0".repeat(64) + "')");
        });
        store.write(java.util.List.of(event("beta", OLD.plusSeconds(5), "beta-victim")));
        assertThat(count(table + " WHERE resource_id = 'beta-victim' AND seq = " + next)).isEqualTo(1);
        chain.sealPending();
        store.purgeOlderThan(NOW, "acme");
        boolean victimKept = count(table + " WHERE resource_id = 'beta-victim'") == 1;
        boolean noticed = !chain.verify("acme", null, null).intact() || !chain.verify("beta", null, null).intact();
        assertThat(victimKept || noticed).as("beta's event was deleted by acme's retention and nothing noticed")
                .isTrue();
    }

    /** An uncommitted leaf at acme's next index: InnoDB would hold the sealer 50 s per pass. */
    @Test
    void anUncommittedLeafDoesNotHangTheSealer() throws Exception {
        sealed("acme", 2);
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after")));
        try (Connection attacker = as(appUser).getConnection(); Statement s = attacker.createStatement()) {
            attacker.setAutoCommit(false);
            s.executeUpdate("INSERT INTO " + table + "_leaves (organization_key, leaf_index, event_seq)"
                    + " VALUES ('acme', 2, -42)");
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> chain.sealPending(),
                        "the sealer gives up on a held row lock instead of waiting for the server's timeout");
            } finally {
                attacker.rollback();
            }
        }
        chain.sealPending();
        assertThat(count(table + "_leaves l JOIN " + table + " e ON e.seq = l.event_seq WHERE e.resource_id"
                + " = 'acme-after'")).as("sealed once the attacker's transaction is gone").isEqualTo(1);
    }
}
