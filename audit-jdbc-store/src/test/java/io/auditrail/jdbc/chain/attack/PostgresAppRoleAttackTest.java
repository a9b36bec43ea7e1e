package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacks by a holder of the application's database role on PostgreSQL (the combined
 * application-and-sealer role, and the application-only role of the separate-sealer set-up):
 * each must be refused by the database or found by the verifier with the right class and index.
 */
class PostgresAppRoleAttackTest extends PostgresAttackFixture {

    @Test
    void noSessionSettingRoleSwitchOrDdlUnlocksChangesForEitherApplicationRole() throws SQLException {
        sealed("acme", 3);
        String ownerName = ownerName();
        for (String role : List.of(appRole, appOnlyRole)) {
            on(as(role), s -> {
                assertRefused(s, "SET session_replication_role = replica");
                assertRefused(s, "SET ROLE " + ownerName);
                assertRefused(s, "SET SESSION AUTHORIZATION " + ownerName);
                for (String setting : List.of("auditrail.chain_purge", "auditrail.log_purge")) {
                    s.execute("SELECT set_config('" + setting + "', 'on', false)");
                }
                for (String target : allTables()) {
                    assertRefused(s, "ALTER TABLE " + target + " DISABLE TRIGGER USER");
                    assertRefused(s, "ALTER TABLE " + target + " DISABLE TRIGGER ALL");
                    assertRefused(s, "ALTER TABLE " + target + " OWNER TO " + role);
                    assertRefused(s, "CREATE RULE r_" + role + " AS ON INSERT TO " + target + " DO INSTEAD NOTHING");
                    assertRefused(s, "UPDATE " + target + " SET organization_" + (target.equals(table) ? "id" : "key")
                            + " = 'x'");
                    assertRefused(s, "DELETE FROM " + target);
                    assertRefused(s, "TRUNCATE " + target);
                }
                assertRefused(s, "DROP TRIGGER " + table + "_append_only_row ON " + table);
                assertRefused(s, "CREATE OR REPLACE FUNCTION " + table + "_append_only() RETURNS trigger"
                        + " LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$");
                assertRefused(s, "ALTER FUNCTION " + table + "_log_purge(VARCHAR, BIGINT) SECURITY INVOKER");
                assertRefused(s, "ALTER FUNCTION " + table + "_log_purge(VARCHAR, BIGINT) RESET search_path");
            });
        }
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(3);
        assertIntact(chain.verify("acme", null, null));
    }

    @Test
    void applicationOnlyRoleCanNeitherWriteTheLogNorCallThePurge() throws SQLException {
        List<AuditEvent> events = sealed("acme", 3);
        on(as(appOnlyRole), s -> {
            assertRefused(s, "INSERT INTO " + table + "_leaves VALUES ('acme', 3, 1)");
            assertRefused(s, "INSERT INTO " + table + "_nodes VALUES ('acme', 0, 3, '" + "0".repeat(64) + "')");
            assertRefused(s, insertCheckpointSql("acme", "RETENTION", 3, "forged"));
            assertRefused(s, "SELECT " + table + "_log_purge('acme', 3)");
        });
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(events.size());
    }

    @Test
    void forgedLeafAtTheNextIndexPointingAtAnotherOrganisationsEventIsFound() throws SQLException {
        sealed("acme", 3);
        AuditEvent foreign = event("beta", OLD, "beta-secret");
        store.write(List.of(foreign));
        long foreignSeq = seqOf("beta-secret");
        on(as(appRole), s -> {
            insertLeaf(s, "acme", 3, foreignSeq);
            insertNode(s, "acme", 0, 3, leafHash(foreign));
        });
        LogVerification result = chain.verify("acme", null, null);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem().leafIndex()).as(result.problem().detail()).isEqualTo(3);
        assertThat(result.problem().type()).as(result.problem().detail())
                .isIn(LogProblem.Type.MODIFIED, LogProblem.Type.INSERTED);
    }

    @Test
    void forgedLeafAndNodeForAnUnsealedEventOfTheSameOrganisationBreakNothingTheSealerWouldNotHaveDone()
            throws SQLException {
        sealed("acme", 2);
        AuditEvent pending = event("acme", OLD.plusSeconds(50), "acme-pending");
        store.write(List.of(pending));
        long seq = seqOf("acme-pending");
        on(as(appRole), s -> {
            insertLeaf(s, "acme", 2, seq);
            insertNode(s, "acme", 0, 2, new byte[32]);
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.MODIFIED, 2);
    }

    @Test
    void aSecondLeafOrASecondRowForASealedEventIsRefused() throws SQLException {
        sealed("acme", 3);
        long first = seqOf("acme-0");
        on(as(appRole), s -> {
            assertRefused(s, "INSERT INTO " + table + "_leaves VALUES ('acme', 3, " + first + ")");
            assertRefused(s, "INSERT INTO " + table + "_leaves VALUES ('other', 0, " + first + ")");
            assertRefused(s, "INSERT INTO " + table + "_leaves VALUES ('acme', 1, " + first + ")");
            assertRefused(s, "INSERT INTO " + table + " (event_id, occurred_at, organization_id, actor_id, actor_type,"
                    + " action, resource_type, resource_id, outcome) SELECT event_id, occurred_at, organization_id,"
                    + " actor_id, actor_type, action, resource_type, resource_id, outcome FROM " + table
                    + " WHERE seq = " + first);
        });
        assertIntact(chain.verify("acme", null, null));
    }

    @Test
    void aNodeThatDoesNotMatchItsChildrenIsFound() throws SQLException {
        sealed("acme", 3);
        on(as(appRole), s -> insertNode(s, "acme", 1, 1, new byte[32]));
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.MODIFIED, 2);
    }

    @Test
    void aCheckpointRowWithAGarbageNoteOrAnotherOrganisationsNoteIsABadSignature() throws SQLException {
        sealed("acme", 3);
        sealed("beta", 3);
        String betaNote = exported.get(exported.size() - 1).format();
        on(as(appRole), s -> s.executeUpdate(insertCheckpointSql("acme", "CHECKPOINT", 3, "garbage\n\n— x AAAA\n")));
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 3);
        on(as(appRole), s -> s.executeUpdate(insertCheckpointSql("beta", "CHECKPOINT", 9, betaNote)));
        assertProblem(chain.verify("beta", null, null), LogProblem.Type.BAD_SIGNATURE, 9);
    }

    @Test
    void aGenuineCheckpointNoteReusedAsARetentionRecordIsABadSignature() throws SQLException {
        sealed("acme", 3);
        String genuine = exported.get(exported.size() - 1).format();
        on(as(appRole), s -> {
            s.executeUpdate(insertCheckpointSql("acme", "RETENTION", 3, genuine));
            try (ResultSet deleted = s.executeQuery("SELECT " + table + "_log_purge('acme', 3)")) {
                deleted.next();
            }
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 3);
    }

    @Test
    void aForgedRetentionRecordOfAHugeSizeIsABadSignatureAndCannotReachUnsealedRows() throws SQLException {
        sealed("acme", 3);
        store.write(List.of(event("acme", OLD.plusSeconds(90), "acme-unsealed")));
        on(as(appRole), s -> {
            s.executeUpdate(insertCheckpointSql("acme", "RETENTION", Long.MAX_VALUE, "forged"));
            try (ResultSet deleted = s.executeQuery("SELECT " + table + "_log_purge('acme', " + Long.MAX_VALUE + ")")) {
                deleted.next();
                assertThat(deleted.getLong(1)).isEqualTo(3);
            }
        });
        assertThat(count(table + " WHERE resource_id = 'acme-unsealed'")).as("unsealed rows stay").isEqualTo(1);
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, Long.MAX_VALUE);
    }

    @Test
    void thePurgeWithoutARetentionRecordRefusesNegativeHugeNullAndBlankArguments() throws SQLException {
        sealed("acme", 3);
        on(as(appRole), s -> {
            for (String arguments : List.of("'acme', -1", "'acme', 0", "'acme', " + Long.MAX_VALUE,
                    "'acme', " + Long.MIN_VALUE, "NULL, 3", "'', 3", "'acme', NULL", "'ACME', 3", "'acme ', 3")) {
                assertRefused(s, "SELECT " + table + "_log_purge(" + arguments + ")");
            }
        });
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(3);
        assertIntact(chain.verify("acme", null, null));
    }

    @Test
    void operatorsFunctionsAndCastsPlantedInPgTempNeverRunWithTheOwnersRights() throws SQLException {
        sealed("acme", 3);
        List<String> ranAs = new ArrayList<>();
        on(as(appRole), s -> {
            s.execute("CREATE TEMP TABLE ran_as (who NAME)");
            s.execute("GRANT ALL ON ran_as TO PUBLIC");
            String record = " LANGUAGE sql AS 'INSERT INTO pg_temp.ran_as VALUES (current_user) RETURNING true'";
            s.execute("CREATE FUNCTION pg_temp.eq(a VARCHAR, b VARCHAR) RETURNS BOOLEAN" + record);
            s.execute("CREATE FUNCTION pg_temp.eq(a BIGINT, b BIGINT) RETURNS BOOLEAN" + record);
            s.execute("CREATE FUNCTION pg_temp.ge(a BIGINT, b BIGINT) RETURNS BOOLEAN" + record);
            s.execute("CREATE OPERATOR pg_temp.= (LEFTARG = VARCHAR, RIGHTARG = VARCHAR, FUNCTION = pg_temp.eq)");
            s.execute("CREATE OPERATOR pg_temp.= (LEFTARG = BIGINT, RIGHTARG = BIGINT, FUNCTION = pg_temp.eq)");
            s.execute("CREATE OPERATOR pg_temp.>= (LEFTARG = BIGINT, RIGHTARG = BIGINT, FUNCTION = pg_temp.ge)");
            s.execute("CREATE FUNCTION pg_temp.strpos(a TEXT, b TEXT) RETURNS INT LANGUAGE sql AS"
                    + " 'INSERT INTO pg_temp.ran_as VALUES (current_user) RETURNING 1'");
            s.execute("SET search_path = pg_temp, public, pg_catalog");
            s.executeUpdate(insertCheckpointSql("acme", "RETENTION", 1, "forged"));
            try (ResultSet deleted = s.executeQuery("SELECT public." + table + "_log_purge('acme', 1)")) {
                deleted.next();
                assertThat(deleted.getLong(1)).isEqualTo(1);
            }
            assertRefused(s, "DELETE FROM public." + table);
            try (ResultSet row = s.executeQuery("SELECT who FROM pg_temp.ran_as")) {
                while (row.next()) {
                    ranAs.add(row.getString(1));
                }
            }
        });
        assertThat(ranAs).as("planted code never ran as the owner").doesNotContain(ownerName());
        assertThat(count(table + " WHERE organization_id = 'acme'")).isEqualTo(2);
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 1);
    }

    @Test
    void anEventWithABlankOrganisationIsSealedAndVerifiedNotHidden() throws SQLException {
        sealed("acme", 2);
        on(as(appRole), s -> {
            s.executeUpdate(rawEventSql("''", "blank-org", "user", OLD));
            s.executeUpdate(rawEventSql("NULL", "null-org", "user", OLD));
        });
        chain.sealPending();
        assertThat(isLeaf("blank-org")).isTrue();
        assertThat(isLeaf("null-org")).isTrue();
        assertThat(chain.organizations()).contains((String) null).contains("acme");
        assertIntact(chain.verify(null, null, null));
    }

    @Test
    void organisationsThatDifferOnlyByCaseWhitespaceOrEscapingGetTreesAndOriginsOfTheirOwn() throws SQLException {
        List<String> organizations = List.of("acme", "ACME", "acme ", " acme", "a/b", "a%2Fb", "a\nb", "\u0430cme");
        for (String organization : organizations) {
            store.write(List.of(event(organization, OLD, organization.hashCode() + "-0"),
                    event(organization, OLD.plusSeconds(1), organization.hashCode() + "-1")));
        }
        chain.sealPending();
        List<SignedNote> notes = new ArrayList<>(exported);
        chain.writeCheckpoints();
        List<String> origins = new ArrayList<>();
        for (SignedNote note : exported.subList(notes.size(), exported.size())) {
            String[] lines = note.body().split("\n");
            assertThat(lines).as("a checkpoint body is origin, size, root").hasSize(3);
            assertThat(lines[1]).isEqualTo("2");
            origins.add(lines[0]);
        }
        assertThat(origins).doesNotHaveDuplicates().hasSize(organizations.size());
        for (String organization : organizations) {
            LogVerification result = chain.verify(organization, null, null, exported);
            assertIntact(result);
            assertThat(result.leavesChecked()).as(organization).isEqualTo(2);
        }
    }

    @Test
    void aHugeOrUnreadableRowIsLeftUnsealedAndReportedWhileTheRowsAfterItAreSealed() throws SQLException {
        sealed("acme", 1);
        on(as(appRole), s -> {
            s.executeUpdate(rawEventSql("'mallory'", "huge", "user", OLD).replace("outcome)", "outcome, error_message)")
                    .replace("'success')", "'failure', repeat('x', 8 * 1024 * 1024))"));
            s.executeUpdate(rawEventSql("'mallory'", "unreadable", "bogus", OLD));
            s.executeUpdate(rawEventSql("'mallory'", "no-such-outcome", "user", OLD).replace("'success'", "'maybe'"));
        });
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after")));
        chain.sealPending();
        assertThat(isLeaf("acme-after")).isTrue();
        assertThat(isLeaf("unreadable")).isFalse();
        assertIntact(chain.verify("acme", null, null));
        LogVerification mallory = chain.verify("mallory", null, null);
        assertThat(mallory.intact()).as("a row in the table that is in no leaf is reported").isFalse();
        assertThat(mallory.problem().type()).isIn(LogProblem.Type.UNSEALED, LogProblem.Type.INSERTED);
    }

    private List<String> allTables() {
        List<String> all = new ArrayList<>(logTables());
        all.add(0, table);
        return all;
    }

    private String ownerName() throws SQLException {
        try (var connection = owner().getConnection(); Statement s = connection.createStatement();
                ResultSet row = s.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }
}
