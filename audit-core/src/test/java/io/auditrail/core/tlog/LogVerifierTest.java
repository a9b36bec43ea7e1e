package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.AuditEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogVerifierTest {

    private final TestLog log = new TestLog("acme", 20);

    @Test
    void anUntouchedLogIsIntactWithOrWithoutStoredHashes() {
        for (boolean stored : new boolean[] {true, false}) {
            LogVerification result = log.verifyAll(
                    log.verifier(log.checkpoint(5), log.checkpoint(16), log.checkpoint(20), log.checkpoint(20)).build(),
                    stored);

            assertThat(result.problem()).isNull();
            assertThat(result).isEqualTo(new LogVerification("acme", true, 20, 20, null));
        }
        assertThat(log.verifyAll(log.verifier(log.checkpoint(0)).build(), true).intact()).isTrue();
        LogVerifier verifier = log.verifier(log.checkpoint(20)).build();
        for (int i = 0; i < 20; i++) {
            assertThat(verifier.leaf(i, log.leaves.get(i), log.events.get(i), false)).isTrue();
        }
    }

    @Test
    void aChangedEventIsModifiedAtItsLeafWhenTheStoreKeptItsHash() {
        LogVerifier verifier = log.verifier(log.checkpoint(20)).build();
        feed(verifier, 0, 7, true);
        verifier.leaf(7, log.leaves.get(7), log.changed(7), false);
        feed(verifier, 8, 20, true);

        assertProblem(verifier.finish(), 7, LogProblem.Type.MODIFIED);
    }

    @Test
    void aChangedEventWithoutStoredHashesMissesTheSignedRoots() {
        LogVerifier verifier = log.verifier(log.checkpoint(5), log.checkpoint(16), log.checkpoint(20)).build();
        feed(verifier, 0, 7, false);
        verifier.leaf(7, null, log.changed(7), false);
        feed(verifier, 8, 20, false);

        LogVerification result = verifier.finish();
        assertProblem(result, 5, LogProblem.Type.MODIFIED);
        assertThat(result.problem().detail()).contains("leaves 5..15");
    }

    @Test
    void aRootThatMissedItsCheckpointComesBeforeLaterLeafProblems() {
        LogVerifier verifier = log.verifier(log.checkpoint(5), log.checkpoint(16), log.checkpoint(20)).build();
        feed(verifier, 0, 7, false);
        verifier.leaf(7, null, log.changed(7), false);
        feed(verifier, 8, 17, false);
        verifier.leaf(18, null, log.events.get(18), false);

        assertProblem(verifier.finish(), 5, LogProblem.Type.MODIFIED);
    }

    @Test
    void aChangedLastLeafIsFound() {
        LogVerifier verifier = log.verifier().build();
        feed(verifier, 0, 19, true);
        verifier.leaf(19, log.leaves.get(19), log.changed(19), false);

        assertProblem(verifier.finish(), 19, LogProblem.Type.MODIFIED);
    }

    @Test
    void swappedEventsAreReordered() {
        LogVerifier verifier = log.verifier(log.checkpoint(20)).build();
        feed(verifier, 0, 11, true);
        verifier.leaf(11, log.leaves.get(11), log.events.get(12), false);
        verifier.leaf(12, log.leaves.get(12), log.events.get(11), false);
        feed(verifier, 13, 20, true);

        assertProblem(verifier.finish(), 11, LogProblem.Type.REORDERED);
    }

    @Test
    void aSkippedLeafOrAMissingEventIsDeleted() {
        LogVerifier gap = log.verifier(log.checkpoint(20)).build();
        feed(gap, 0, 9, true);
        assertThat(gap.leaf(10, log.leaves.get(10), log.events.get(10), false)).isFalse();
        assertProblem(gap.finish(), 9, LogProblem.Type.DELETED);

        LogVerifier missingEvent = log.verifier(log.checkpoint(20)).build();
        feed(missingEvent, 0, 9, true);
        missingEvent.leaf(9, log.leaves.get(9), null, false);
        assertProblem(missingEvent.finish(), 9, LogProblem.Type.DELETED);
    }

    @Test
    void aPurgedEventCoveredByRetentionIsFine() {
        LogVerifier verifier = log.verifier(log.checkpoint(20)).build();
        for (int i = 0; i < 6; i++) {
            verifier.leaf(i, log.leaves.get(i), null, true);
        }
        feed(verifier, 6, 20, true);

        assertThat(verifier.finish().intact()).isTrue();
    }

    @Test
    void leavesMissingAtTheEndOfARangeAreDeleted() {
        LogVerifier verifier = log.verifier().endingAt(20).build();
        feed(verifier, 0, 18, true);

        LogVerification result = verifier.finish();
        assertProblem(result, 18, LogProblem.Type.DELETED);
        assertThat(result.problem().detail()).contains("leaves 18..19");
    }

    @Test
    void aLeafIndexSeenTwiceIsInserted() {
        LogVerifier verifier = log.verifier(log.checkpoint(20)).build();
        feed(verifier, 0, 10, true);
        assertThat(verifier.leaf(9, log.leaves.get(9), log.events.get(9), false)).isFalse();

        assertProblem(verifier.finish(), 9, LogProblem.Type.INSERTED);
    }

    @Test
    void aLogShorterThanItsCheckpointIsTruncated() {
        LogVerifier verifier = log.verifier(log.checkpoint(16), log.checkpoint(20)).build();
        feed(verifier, 0, 17, true);

        assertProblem(verifier.finish(), 17, LogProblem.Type.TRUNCATED);
    }

    @Test
    void checkpointsThatAreNotValidlySignedForThisLogAreBadSignatures() {
        SignedNote real = log.checkpoint(16);
        SignedNote stranger = TestLog.STRANGER.sign(new LogCheckpoint(log.origin.value(), 16, log.root(16)));
        SignedNote changedSize = new SignedNote(real.body().replace("\n16\n", "\n17\n"), real.signatures());
        SignedNote otherLog = new TestLog("globex", 3).checkpoint(3);
        SignedNote notACheckpoint = TestLog.SIGNER.sign(new SignedNote("hello\n", List.of()));

        for (SignedNote bad : List.of(stranger, changedSize, otherLog, notACheckpoint)) {
            LogVerifier verifier = log.verifier(real, bad).build();
            assertThat(verifier.failed()).isTrue();
            assertThat(log.verifyAll(verifier, true).problem().type()).as(bad.body())
                    .isEqualTo(LogProblem.Type.BAD_SIGNATURE);
        }
    }

    @Test
    void twoSignedTreesThatCannotShareAHistoryAreForked() {
        TestLog fork = new TestLog("acme", 20);
        LogVerifier sameSize = log.verifier(log.checkpoint(8), fork.checkpoint(8)).build();
        assertProblem(log.verifyAll(sameSize, true), 8, LogProblem.Type.FORKED);

        LogVerifier laterConfirms = log.verifier(log.checkpoint(4), fork.checkpoint(8), log.checkpoint(12)).build();
        LogVerification result = log.verifyAll(laterConfirms, false);
        assertProblem(result, 4, LogProblem.Type.FORKED);
        assertThat(result.problem().detail()).contains("sizes 8 and 12");
    }

    @Test
    void anOldEventThatIsNoLeafIsUnsealed() {
        LogVerifier young = log.verifier().build();
        assertThat(young.eventOutsideLog("e-1", false)).isTrue();
        assertThat(log.verifyAll(young, true).intact()).isTrue();

        LogVerifier old = log.verifier().build();
        feed(old, 0, 20, true);
        assertThat(old.eventOutsideLog("e-2", true)).isFalse();
        LogVerification result = old.finish();
        assertProblem(result, 20, LogProblem.Type.UNSEALED);
        assertThat(result.problem().detail()).contains("e-2");
    }

    @Test
    void aRangeResumesFromAFrontier() {
        LogVerifier verifier = log.verifier(log.checkpoint(5), log.checkpoint(16), log.checkpoint(20))
                .resumeAt(16, log.frontier(16)).build();
        feed(verifier, 16, 20, false);
        assertThat(verifier.finish()).isEqualTo(new LogVerification("acme", true, 4, 20, null));

        LogVerifier changed = log.verifier(log.checkpoint(20)).resumeAt(16, log.frontier(16)).build();
        feed(changed, 16, 18, false);
        changed.leaf(18, null, log.changed(18), false);
        changed.leaf(19, null, log.events.get(19), false);
        assertProblem(changed.finish(), 16, LogProblem.Type.MODIFIED);

        LogVerifier wrongFrontier = log.verifier(log.checkpoint(16))
                .resumeAt(16, new TestLog("acme", 16).frontier(16)).build();
        assertProblem(wrongFrontier.finish(), 16, LogProblem.Type.MODIFIED);
    }

    @Test
    void aKeyedLogNeedsItsKey() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        TestLog keyed = new TestLog("acme", 6, LeafHasher.hmac(key));

        assertThat(keyed.verifyAll(keyed.verifier(keyed.checkpoint(6)).build(), true).intact()).isTrue();
        LogVerifier unkeyed = LogVerifier.builder(keyed.origin, LeafHasher.sha256(), TestLog.SIGNER.verifier())
                .checkpoints(List.of(keyed.checkpoint(6))).build();
        assertProblem(keyed.verifyAll(unkeyed, true), 0, LogProblem.Type.MODIFIED);
        assertThatThrownBy(() -> LeafHasher.hmac(new byte[31])).hasMessageContaining("at least 32");
    }

    @Test
    void withoutAKeyOnlyVettedCheckpointsAreTakenAndTheyStillCatchAChangedLeaf() {
        LogCheckpoint vetted = LogCheckpoint.parse(log.checkpoint(20).body());
        LogVerifier intact = LogVerifier.builder(log.origin, log.hasher).vettedCheckpoints(List.of(vetted)).build();
        for (int i = 0; i < 20; i++) {
            assertThat(intact.leafHashed(i, null, log.hasher.leafHash(log.events.get(i)), false)).isTrue();
        }
        assertThat(intact.finish().intact()).isTrue();

        LogVerifier changed = LogVerifier.builder(log.origin, log.hasher).vettedCheckpoints(List.of(vetted)).build();
        feed(changed, 0, 7, false);
        changed.leaf(7, null, log.changed(7), false);
        feed(changed, 8, 20, false);
        assertProblem(changed.finish(), 0, LogProblem.Type.MODIFIED);

        LogCheckpoint foreign = new LogCheckpoint(LogOrigin.of(LogOrigin.DEFAULT_PREFIX, "other").value(), 20,
                vetted.rootHash());
        assertProblem(LogVerifier.builder(log.origin, log.hasher).vettedCheckpoints(List.of(foreign)).build().finish(),
                20, LogProblem.Type.BAD_SIGNATURE);
        assertThatThrownBy(() -> LogVerifier.builder(log.origin, log.hasher).checkpoints(List.of(log.checkpoint(20))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("need the signer's key");
    }

    @Test
    void aCallerFindingIsKeptAsTheFirstProblem() {
        LogVerifier verifier = log.verifier().build();
        verifier.report(new LogProblem(3, LogProblem.Type.MODIFIED, "stored node 1/1 differs"));
        assertThat(verifier.leaf(0, log.leaves.get(0), log.events.get(0), false)).isFalse();
        assertProblem(verifier.finish(), 3, LogProblem.Type.MODIFIED);
        assertThatThrownBy(() -> log.verifier().endingAt(5).build().leaf(5, null, log.events.get(5), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void feed(LogVerifier verifier, int from, int to, boolean withStoredHashes) {
        for (int i = from; i < to; i++) {
            AuditEvent event = log.events.get(i);
            verifier.leaf(i, withStoredHashes ? log.leaves.get(i) : null, event, false);
        }
    }

    private static void assertProblem(LogVerification result, long leafIndex, LogProblem.Type type) {
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isNotNull();
        assertThat(result.problem().type()).as(result.problem().detail()).isEqualTo(type);
        assertThat(result.problem().leafIndex()).as(result.problem().detail()).isEqualTo(leafIndex);
    }
}
