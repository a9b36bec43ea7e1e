package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tampering by the table owner on PostgreSQL (who can switch the triggers off) that re-signs
 * nothing: each must be found with the right class and leaf index. Complements the classes
 * AbstractChainTest already covers with moves the owner can make between trees and around retention.
 */
class PostgresOwnerAttackTest extends PostgresAttackFixture {

    @Test
    void aLeafMovedToAnotherOrganisationKeyIsDeletedFromItsTree() throws SQLException {
        sealed("acme", 4);
        owner(s -> {
            unguard(s);
            s.executeUpdate("UPDATE " + table + "_leaves SET organization_key = 'zz-ghost', leaf_index = 0"
                    + " WHERE organization_key = 'acme' AND leaf_index = 1");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.DELETED, 1);
        assertThat(chain.organizations()).contains("zz-ghost");
        assertThat(chain.verify("zz-ghost", null, null).intact()).isFalse();
    }

    @Test
    void anEventMovedToAnotherOrganisationIsFoundInTheTreeItLeft() throws SQLException {
        sealed("acme", 4);
        sealed("beta", 2);
        owner(s -> {
            unguard(s);
            s.executeUpdate("UPDATE " + table + " SET organization_id = 'beta' WHERE resource_id = 'acme-2'");
        });
        LogVerification result = chain.verify("acme", null, null);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem().leafIndex()).as(result.problem().detail()).isEqualTo(2);
        assertThat(result.problem().type()).isIn(LogProblem.Type.MODIFIED, LogProblem.Type.DELETED);
    }

    @Test
    void aPurgedEventResurrectedWithOtherContentIsModified() throws SQLException {
        sealed("acme", 4);
        long firstSeq = seqOf("acme-0");
        assertThat(store.purgeOlderThan(OLD.plusSeconds(2), "acme")).isEqualTo(2);
        assertIntact(chain.verify("acme", null, null));
        owner(s -> s.executeUpdate(rawEventSql("'acme'", "acme-0-rewritten", "user", OLD)
                .replace("(event_id,", "(seq, event_id,").replace("VALUES ('", "VALUES (" + firstSeq + ", '")));
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.MODIFIED, 0);
    }

    @Test
    void aGenuineRetentionNoteCopiedToCoverMoreLeavesIsABadSignature() throws SQLException {
        sealed("acme", 5);
        assertThat(store.purgeOlderThan(OLD.plusSeconds(2), "acme")).isEqualTo(2);
        String genuine = stringValue("SELECT note FROM " + checkpointTable + " WHERE kind = 'RETENTION'");
        owner(s -> {
            s.executeUpdate(insertCheckpointSql("acme", "RETENTION", 4, genuine));
            s.execute("SELECT " + table + "_log_purge('acme', 4)");
        });
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(1);
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 4);
    }

    @Test
    void anEventDeletedBeyondTheRetainedPrefixIsDeleted() throws SQLException {
        sealed("acme", 5);
        assertThat(store.purgeOlderThan(OLD.plusSeconds(2), "acme")).isEqualTo(2);
        owner(s -> {
            unguard(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE resource_id = 'acme-3'");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.DELETED, 3);
    }

    @Test
    void aTreeCutBackWithItsCheckpointRowsIsTruncatedAgainstTheExportedNotes() throws SQLException {
        sealed("acme", 6);
        owner(s -> {
            unguard(s);
            s.executeUpdate("DELETE FROM " + table + "_nodes WHERE node_index * POWER(2, node_level)"
                    + " + POWER(2, node_level) > 3");
            s.executeUpdate("DELETE FROM " + table + "_leaves WHERE leaf_index >= 3");
            s.executeUpdate("DELETE FROM " + table + " WHERE resource_id IN ('acme-3', 'acme-4', 'acme-5')");
            s.executeUpdate("DELETE FROM " + checkpointTable);
        });
        assertIntact(chain.verify("acme", null, null));
        assertProblem(chain.verify("acme", null, null, exported), LogProblem.Type.TRUNCATED, 3);
    }

    @Test
    void aBackdatedRowTheSealerHasNotSeenIsReportedAtTheTreeEnd() throws SQLException {
        sealed("acme", 3);
        owner(s -> s.executeUpdate(rawEventSql("'acme'", "acme-backdated", "user", Instant.parse("2026-01-01T00:00:00Z"))
                .replace("(event_id,", "(seq, event_id,").replace("VALUES ('", "VALUES (1000000, '")));
        LogVerification result = chain.verify("acme", null, null);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem().type()).isIn(LogProblem.Type.UNSEALED, LogProblem.Type.INSERTED);
        assertThat(result.problem().leafIndex()).isEqualTo(3);
    }

    private void unguard(Statement s) throws SQLException {
        for (String guarded : java.util.List.of(table, table + "_leaves", table + "_nodes", checkpointTable)) {
            s.execute("ALTER TABLE " + guarded + " DISABLE TRIGGER USER");
        }
    }

    private String stringValue(String sql) throws SQLException {
        try (var connection = owner().getConnection(); Statement s = connection.createStatement();
                var row = s.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
