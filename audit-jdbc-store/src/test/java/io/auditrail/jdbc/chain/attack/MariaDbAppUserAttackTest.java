package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.tlog.LogProblem;
import java.sql.SQLException;
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
            s.execute("CALL " + table + "_log_purge('acme', 2)");
            assertRefused(s, "DELETE FROM " + table);
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 2);
    }
}
