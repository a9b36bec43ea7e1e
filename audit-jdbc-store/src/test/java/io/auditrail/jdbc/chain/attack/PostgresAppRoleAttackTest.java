package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.SignedNote;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    /** A leaf in a tree no event belongs to marks an event "sealed" without putting it in its own tree. */
    @Test
    void aLeafUnderAnotherOrganisationKeyHidesAnEventFromItsOwnTree() throws SQLException {
        sealed("acme", 3);
        on(as(appRole), s -> s.executeUpdate(rawEventSql("'acme'", "acme-forged", "user", OLD)));
        long seq = seqOf("acme-forged");
        on(as(appRole), s -> insertLeaf(s, "zz-ghost", 0, seq));
        chain.sealPending();
        assertThat(isLeaf("acme-forged")).isTrue();
        LogVerification result = chain.verify("acme", null, null);
        assertThat(result.intact()).as("acme's event acme-forged is in no leaf of acme's tree").isFalse();
    }

    /** The same, pre-empting the sealer: the next sequence values are leaves of a ghost tree before they exist. */
    @Test
    void leavesForFutureSequenceValuesKeepTheNextGenuineEventsOutOfTheirTree() throws SQLException {
        sealed("acme", 3);
        long next = longValue("SELECT MAX(seq) FROM " + table) + 1;
        on(as(appRole), s -> {
            for (int i = 0; i < 5; i++) {
                insertLeaf(s, "zz-ghost", i, next + i);
            }
        });
        store.write(List.of(event("acme", OLD.plusSeconds(100), "acme-genuine")));
        chain.sealPending();
        assertThat(longValue("SELECT seq FROM " + table + " WHERE resource_id = 'acme-genuine'")).isBetween(next,
                next + 4);
        LogVerification result = chain.verify("acme", null, null);
        assertThat(result.intact()).as("acme-genuine never entered acme's tree").isFalse();
        assertThat(result.problem().type()).isIn(LogProblem.Type.UNSEALED, LogProblem.Type.INSERTED);
    }

    /** A forged leaf in acme's tree for beta's event: acme's tree is found broken, beta's says intact. */
    @Test
    void anotherOrganisationsTreeStaysIntactWhileItsEventSitsInAForeignLeaf() throws SQLException {
        sealed("acme", 3);
        sealed("beta", 2);
        AuditEvent foreign = event("beta", OLD.plusSeconds(60), "beta-moved");
        store.write(List.of(foreign));
        long seq = seqOf("beta-moved");
        on(as(appRole), s -> {
            insertLeaf(s, "acme", 3, seq);
            insertNode(s, "acme", 0, 3, leafHash(foreign));
        });
        chain.sealPending();
        LogVerification beta = chain.verify("beta", null, null);
        assertThat(beta.intact()).as("beta-moved is in no leaf of beta's tree").isFalse();
    }

    /** One stray level-0 node (no leaf) makes every sealing transaction fail, for every organisation. */
    @Test
    void aStrayNodeOfOneOrganisationStopsSealingForAll() throws SQLException {
        sealed("acme", 1);
        on(as(appRole), s -> insertNode(s, "mallory", 0, 0, new byte[32]));
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after"),
                event("mallory", OLD.plusSeconds(11), "mallory-0")));
        chain.sealPending();
        assertThat(isLeaf("acme-after")).as("acme is sealed whatever mallory's tree holds").isTrue();
    }

    /** The same node is not reported by the verifier either: the tree of size 0 "is intact". */
    @Test
    void aStrayNodeAboveTheTreeIsReported() throws SQLException {
        sealed("acme", 2);
        on(as(appRole), s -> insertNode(s, "acme", 0, 2, new byte[32]));
        LogVerification result = chain.verify("acme", null, null);
        assertThat(result.intact()).as("node (0, 2) lies past the tree of 2 leaves").isFalse();
    }

    /** A batch of rows that do not map back to events fills every pass's window; the app-only role suffices. */
    @Test
    void unreadableRowsDoNotStallTheSealerForOtherRows() throws SQLException {
        sealed("acme", 1);
        on(as(appOnlyRole), s -> {
            for (int i = 0; i < 50; i++) {
                s.executeUpdate(rawEventSql("'mallory'", "bad-" + i, "bogus", OLD));
            }
        });
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after")));
        chain.sealPending();
        chain.sealPending();
        assertThat(isLeaf("acme-after")).as("a readable row behind 50 unreadable ones is sealed").isTrue();
    }

    /**
     * An explicit huge seq (GENERATED BY DEFAULT) moves the sealer's look-back window past every
     * real row; the app-only role suffices.
     */
    @Test
    void aRowWithAHugeExplicitSeqDoesNotHideLaterRowsFromTheSealer() throws SQLException {
        sealed("acme", 1);
        chain.sealPending();
        on(as(appOnlyRole), s -> s.executeUpdate(rawEventSql("'mallory'", "huge", "user", OLD)
                .replace("(event_id,", "(seq, event_id,").replace("VALUES ('", "VALUES (" + (Long.MAX_VALUE - 1) + ", '")));
        chain.sealPending();
        assertThat(isLeaf("huge")).isTrue();
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after")));
        chain.sealPending();
        assertThat(isLeaf("acme-after")).as("the next pass seals the new row").isTrue();
    }

    /** An uncommitted leaf at acme's next index: the sealer waits on it without end. */
    @Test
    void anUncommittedLeafDoesNotHangTheSealer() throws Exception {
        sealed("acme", 2);
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after")));
        try (Connection attacker = as(appRole).getConnection(); Statement s = attacker.createStatement()) {
            attacker.setAutoCommit(false);
            insertLeaf(s, "acme", 2, -42);
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> chain.sealPending(),
                        "the sealer gives up on a held row lock instead of waiting for ever");
            } finally {
                attacker.rollback();
            }
        }
    }

    /** One leaf without nodes in a tree of its own makes every checkpoint transaction fail, for all. */
    @Test
    void aStrayLeafOfOneOrganisationDoesNotStopCheckpointsOfTheOthers() throws SQLException {
        sealed("acme", 2);
        on(as(appRole), s -> insertLeaf(s, "mallory", 0, -5));
        int before = exported.size();
        try {
            chain.writeCheckpoints();
        } catch (RuntimeException e) {
            // what the attack achieves; the assertion below says what should have happened
        }
        assertThat(exported.subList(before, exported.size())).as("acme's checkpoint is still signed and exported")
                .anyMatch(note -> note.body().startsWith("auditrail/acme\n") || note.body().contains("acme"));
    }

    /** A forged CHECKPOINT row of a huge size is "the newest": every inclusion proof of acme breaks. */
    @Test
    void aForgedCheckpointRowDoesNotBreakInclusionProofs() throws SQLException {
        List<AuditEvent> events = sealed("acme", 3);
        on(as(appRole), s -> s.executeUpdate(insertCheckpointSql("acme", "CHECKPOINT", 1L << 40, "garbage")));
        io.auditrail.jdbc.chain.InclusionProof proof = null;
        try {
            proof = chain.inclusionProof(events.get(1).id());
        } catch (RuntimeException e) {
            // what the attack achieves
        }
        assertThat(proof).as("a proof against the newest genuine checkpoint").isNotNull();
        assertThat(proof.treeSize()).isEqualTo(3);
    }

    /**
     * More forged rows of the tree's own size than the proof's first statement reads: the proof
     * still finds the genuine checkpoint below them.
     */
    @Test
    void forgedCheckpointRowsAboveTheGenuineOneAreSkippedBeyondTheFirstStatement() throws SQLException {
        List<AuditEvent> events = sealed("acme", 3);
        on(as(appRole), s -> {
            for (int i = 0; i <= 10; i++) {
                s.executeUpdate(insertCheckpointSql("acme", "CHECKPOINT", 3, "forged " + i));
            }
        });
        io.auditrail.jdbc.chain.InclusionProof proof = chain.inclusionProof(events.get(2).id());
        assertThat(proof).as("a proof against the genuine checkpoint").isNotNull();
        assertThat(proof.treeSize()).isEqualTo(3);
        assertThat(MerkleTree.verifyInclusion(2, 3, proof.leafHash(), proof.path(),
                proof.checkpoint().checkpoint().rootHash())).isTrue();
    }

    /**
     * A leaf in acme's tree for the next sequence value, with any hash: beta's next event takes
     * that value, is never sealed into beta's tree, and acme's genuine, genuinely signed retention
     * deletes it through the SECURITY DEFINER purge. Afterwards both trees verify intact.
     */
    @Test
    void oneOrganisationsRetentionCannotDeleteAnotherOrganisationsEvent() throws SQLException {
        sealed("acme", 2);
        long next = longValue("SELECT MAX(seq) FROM " + table) + 1;
        on(as(appRole), s -> {
            insertLeaf(s, "acme", 2, next);
            insertNode(s, "acme", 0, 2, new byte[32]);
        });
        store.write(List.of(event("beta", OLD.plusSeconds(5), "beta-victim")));
        assertThat(seqOf("beta-victim")).isEqualTo(next);
        chain.sealPending();
        store.purgeOlderThan(NOW, "acme");
        boolean victimKept = count(table + " WHERE resource_id = 'beta-victim'") == 1;
        boolean noticed = !chain.verify("acme", null, null).intact() || !chain.verify("beta", null, null).intact();
        assertThat(victimKept || noticed).as("beta's event was deleted by acme's retention and nothing noticed")
                .isTrue();
    }

    /** Advisory locks need no privilege: the app-only role takes the sealer's lock of acme and keeps it. */
    @Test
    void anAdvisoryLockHeldByTheApplicationOnlyRoleDoesNotHangTheSealer() throws Exception {
        sealed("acme", 2);
        store.write(List.of(event("acme", OLD.plusSeconds(10), "acme-after")));
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        sha256.update(table.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        long key = java.nio.ByteBuffer.wrap(sha256.digest("acme".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getLong();
        try (Connection attacker = as(appOnlyRole).getConnection(); Statement s = attacker.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> chain.sealPending(),
                    "the sealer does not wait for ever on a lock any session can take");
        }
    }

    /** A leaf without nodes in a tree of its own: retention over every organisation still purges the others. */
    @Test
    void aStrayLeafOfOneOrganisationDoesNotStopRetentionOfTheOthers() throws SQLException {
        sealed("acme", 2);
        store.write(List.of(event("aaa-mallory", OLD, "mallory-0")));
        long seq = seqOf("mallory-0");
        on(as(appRole), s -> insertLeaf(s, "aaa-mallory", 0, seq));
        long failedBefore = chain.failedSealings();
        assertThat(chain.purgeOlderThan(NOW, null, java.util.Set.of())).as("acme's two events").isEqualTo(2);
        assertThat(chain.failedSealings()).as("the damaged tree is counted").isEqualTo(failedBefore + 1);
        assertThat(count(table + " WHERE resource_id = 'mallory-0'")).isEqualTo(1);
        assertThat(chain.verify("acme", null, null).intact()).isTrue();
    }
}
