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

    @Test
    void everyColumnTheReadApiShowsIsCoveredByTheLeafHashOfAFailedEvent() throws SQLException {
        store.write(java.util.List.of(event("acme", OLD, "acme-0"), event("acme", OLD.plusSeconds(1), "acme-1")
                .toBuilder().outcome(io.auditrail.core.event.Outcome.failure("Original", "original message")).build()));
        chain.sealPending();
        java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
        changes.put("event_id", "'" + java.util.UUID.randomUUID() + "'");
        changes.put("occurred_at", "occurred_at + INTERVAL '1 second'");
        changes.put("organization_id", "'acme2'");
        changes.put("actor_id", "'mallory'");
        changes.put("actor_name", "'Mallory'");
        changes.put("actor_email", "'mallory@example.com'");
        changes.put("actor_type", "'service'");
        changes.put("action", "'invoice.paid'");
        changes.put("resource_type", "'order'");
        changes.put("resource_id", "'acme-9'");
        changes.put("resource_name", "'Renamed'");
        changes.put("outcome", "'success'");
        changes.put("error_type", "'Boom'");
        changes.put("error_message", "'boom'");
        changes.put("ip", "'10.6.6.6'");
        changes.put("user_agent", "'evil/1.0'");
        changes.put("request_id", "'req-evil'");
        changes.put("metadata", "'{\"n\": 4}'::jsonb");
        java.util.List<String> missed = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, String> change : changes.entrySet()) {
            owner(s -> {
                unguard(s);
                s.execute("CREATE TEMP TABLE saved AS SELECT * FROM " + table + " WHERE resource_id = 'acme-1'");
                s.executeUpdate("UPDATE " + table + " SET " + change.getKey() + " = " + change.getValue()
                        + " WHERE resource_id = 'acme-1'");
                LogVerification result = chain.verify("acme", null, null);
                if (result.intact() || result.problem().leafIndex() != 1) {
                    missed.add(change.getKey() + " -> " + result.problem());
                }
                s.executeUpdate("DELETE FROM " + table + " WHERE seq = (SELECT seq FROM saved)");
                s.executeUpdate("INSERT INTO " + table + " SELECT * FROM saved");
                s.execute("DROP TABLE saved");
            });
        }
        assertThat(missed).as("changed columns the verifier did not report at leaf 1").isEmpty();
        assertIntact(chain.verify("acme", null, null));
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
