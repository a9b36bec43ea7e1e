package io.auditrail.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.json.AuditEventCodec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00.123456Z");
    private final AuditEventCodec codec = new AuditEventCodec();
    private final ChainHasher hasher = ChainHasher.hmacSha256("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    private final KeyPair keys = ChainKeys.generate();
    private final CheckpointSigner signer = new CheckpointSigner(keys.getPrivate());
    private final ChainVerifier verifier = new ChainVerifier(hasher, new CheckpointVerifier(keys.getPublic()));

    @Test
    void intactChainVerifies() {
        List<ChainRow> rows = chain(hasher, 5);
        ChainVerification result = verify(rows, List.of(head(rows, 5)), null);
        assertThat(result.isIntact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(5);
        assertThat(result.lastSeq()).isEqualTo(5);
    }

    @Test
    void changedContentIsModified() {
        List<ChainRow> rows = chain(hasher, 5);
        ChainRow third = rows.get(2);
        rows.set(2, new ChainRow(3, third.prevHash(), third.hash(), canonical(99)));
        assertProblem(verify(rows, List.of(), null), 3, ChainProblem.Type.MODIFIED);
    }

    @Test
    void unreadableRowIsModified() {
        List<ChainRow> rows = chain(hasher, 3);
        ChainRow second = rows.get(1);
        rows.set(1, new ChainRow(2, second.prevHash(), second.hash(), null));
        assertProblem(verify(rows, List.of(), null), 2, ChainProblem.Type.MODIFIED);
    }

    @Test
    void gapIsDeleted() {
        List<ChainRow> rows = chain(hasher, 5);
        rows.remove(1);
        assertProblem(verify(rows, List.of(), null), 2, ChainProblem.Type.DELETED);
    }

    @Test
    void forgedRowWithShiftedSuccessorsIsInserted() {
        ChainHasher plain = ChainHasher.sha256();
        List<ChainRow> rows = chain(plain, 4);
        byte[] content = canonical(77);
        ChainRow forged = new ChainRow(3, rows.get(1).hash(), plain.hash(rows.get(1).hash(), content), content);
        List<ChainRow> tampered = new ArrayList<>(rows.subList(0, 2));
        tampered.add(forged);
        for (ChainRow row : rows.subList(2, 4)) {
            tampered.add(new ChainRow(row.chainSeq() + 1, row.prevHash(), row.hash(), row.canonicalEvent()));
        }
        ChainVerification result = new ChainVerifier(plain, null)
                .verify("acme", ChainStart.genesis(), tampered.iterator(), List.of(), links(tampered), null);
        assertProblem(result, 3, ChainProblem.Type.INSERTED);
    }

    @Test
    void swappedRowsAreReordered() {
        List<ChainRow> rows = chain(hasher, 5);
        ChainRow second = rows.get(1);
        ChainRow third = rows.get(2);
        rows.set(1, new ChainRow(2, third.prevHash(), third.hash(), third.canonicalEvent()));
        rows.set(2, new ChainRow(3, second.prevHash(), second.hash(), second.canonicalEvent()));
        assertProblem(verify(rows, List.of(), null), 2, ChainProblem.Type.REORDERED);
    }

    @Test
    void tailCutBeforeCheckpointIsTruncated() {
        List<ChainRow> rows = chain(hasher, 5);
        Checkpoint head = head(rows, 5);
        assertProblem(verify(rows.subList(0, 3), List.of(head), null), 4, ChainProblem.Type.TRUNCATED);
    }

    @Test
    void recomputedChainDiffersFromCheckpoint() {
        ChainHasher plain = ChainHasher.sha256();
        List<ChainRow> original = chain(plain, 4);
        Checkpoint head = signer.sign(new Checkpoint("acme", Checkpoint.Kind.HEAD, 4, original.get(3).hash(), NOW, null));
        List<ChainRow> recomputed = new ArrayList<>(original.subList(0, 1));
        String prev = original.get(0).hash();
        for (int n = 2; n <= 4; n++) {
            byte[] content = canonical(n + 100);
            String hash = plain.hash(prev, content);
            recomputed.add(new ChainRow(n, prev, hash, content));
            prev = hash;
        }
        ChainVerification result = new ChainVerifier(plain, new CheckpointVerifier(keys.getPublic()))
                .verify("acme", ChainStart.genesis(), recomputed.iterator(), List.of(head), links(recomputed), null);
        assertProblem(result, 4, ChainProblem.Type.MODIFIED);
    }

    @Test
    void checkpointWithWrongSignatureOrChangedHashIsBadSignature() {
        List<ChainRow> rows = chain(hasher, 3);
        Checkpoint otherKey = new CheckpointSigner(ChainKeys.generate().getPrivate())
                .sign(new Checkpoint("acme", Checkpoint.Kind.HEAD, 3, rows.get(2).hash(), NOW, null));
        assertProblem(verify(rows, List.of(otherKey), null), 3, ChainProblem.Type.BAD_SIGNATURE);
        Checkpoint changed = new Checkpoint("acme", Checkpoint.Kind.HEAD, 2, rows.get(1).hash(), NOW,
                head(rows, 3).signature());
        assertProblem(verify(rows, List.of(changed), null), 2, ChainProblem.Type.BAD_SIGNATURE);
    }

    @Test
    void verificationStartsAfterAnAnchor() {
        List<ChainRow> rows = chain(hasher, 6);
        Checkpoint anchor = signer.sign(new Checkpoint("acme", Checkpoint.Kind.ANCHOR, 3, rows.get(2).hash(), NOW, null));
        List<ChainRow> kept = rows.subList(3, 6);
        ChainVerification result = verifier.verify("acme", ChainStart.after(3, anchor.hash()), kept.iterator(),
                List.of(anchor, head(rows, 6)), links(kept), null);
        assertThat(result.isIntact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(3);
    }

    @Test
    void rangeStopsAtItsEnd() {
        List<ChainRow> rows = chain(hasher, 6);
        ChainRow last = rows.get(5);
        rows.set(5, new ChainRow(6, last.prevHash(), last.hash(), canonical(42)));
        ChainVerification result = verify(rows, List.of(head(rows, 4)), 4L);
        assertThat(result.isIntact()).isTrue();
        assertThat(result.lastSeq()).isEqualTo(4);
    }

    @Test
    void rangeWhoseLastRowsAreMissingIsDeletedNotIntact() {
        List<ChainRow> rows = chain(hasher, 6).subList(0, 4);
        assertThat(verify(rows, List.of(), 6L).problem())
                .extracting(ChainProblem::type, ChainProblem::chainSeq)
                .containsExactly(ChainProblem.Type.DELETED, 5L);
        assertThat(verify(rows, List.of(), 5L).problem().detail()).contains("chain sequence 5 missing");
        assertThat(verify(rows, List.of(), 4L).isIntact()).isTrue();
    }

    @Test
    void keyedHashDependsOnTheKey() {
        byte[] content = canonical(1);
        assertThat(hasher.hash(ChainHasher.GENESIS, content))
                .isNotEqualTo(ChainHasher.sha256().hash(ChainHasher.GENESIS, content))
                .isNotEqualTo(ChainHasher.hmacSha256(new byte[32]).hash(ChainHasher.GENESIS, content))
                .hasSize(64);
        assertThatThrownBy(() -> ChainHasher.hmacSha256(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void keysRoundTripThroughPem() {
        KeyPair pair = ChainKeys.generate();
        CheckpointSigner pemSigner = new CheckpointSigner(ChainKeys.privateKey(ChainKeys.toPem(pair.getPrivate())));
        Checkpoint signed = pemSigner.sign(new Checkpoint(null, Checkpoint.Kind.HEAD, 0, ChainHasher.GENESIS, NOW, null));
        assertThat(new CheckpointVerifier(ChainKeys.publicKey(ChainKeys.toPem(pair.getPublic()))).isValid(signed)).isTrue();
        assertThatThrownBy(() -> ChainKeys.privateKey("not a key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private key");
    }

    @Test
    void checkpointLinesRoundTrip() {
        Checkpoint signed = signer.sign(new Checkpoint(null, Checkpoint.Kind.ANCHOR, 7, ChainHasher.GENESIS, NOW, null));
        String line = CheckpointJson.toJson(signed);
        assertThat(line).doesNotContain("\n");
        assertThat(CheckpointJson.fromJson(line)).isEqualTo(signed);
        assertThatThrownBy(() -> CheckpointJson.fromJson("{}")).isInstanceOf(IllegalArgumentException.class);
    }

    private ChainVerification verify(List<ChainRow> rows, List<Checkpoint> checkpoints, Long to) {
        return verifier.verify("acme", ChainStart.genesis(), rows.iterator(), checkpoints, links(rows), to);
    }

    private Checkpoint head(List<ChainRow> rows, int seq) {
        return signer.sign(new Checkpoint("acme", Checkpoint.Kind.HEAD, seq, rows.get(seq - 1).hash(), NOW, null));
    }

    private List<ChainRow> chain(ChainHasher chainHasher, int length) {
        List<ChainRow> rows = new ArrayList<>();
        String prev = ChainHasher.GENESIS;
        for (int n = 1; n <= length; n++) {
            byte[] content = canonical(n);
            String hash = chainHasher.hash(prev, content);
            rows.add(new ChainRow(n, prev, hash, content));
            prev = hash;
        }
        return rows;
    }

    private byte[] canonical(int n) {
        return codec.toCanonicalJson(TestEvents.event(n));
    }

    private static ChainLinks links(List<ChainRow> rows) {
        List<ChainRow> snapshot = List.copyOf(rows);
        return new ChainLinks() {
            @Override
            public OptionalLong successorOf(String prevHash) {
                return snapshot.stream().filter(r -> r.prevHash().equals(prevHash))
                        .mapToLong(ChainRow::chainSeq).findFirst();
            }

            @Override
            public boolean containsHash(String hash) {
                return snapshot.stream().anyMatch(r -> r.hash().equals(hash));
            }
        };
    }

    private static void assertProblem(ChainVerification result, long seq, ChainProblem.Type type) {
        assertThat(result.problem()).as("problem").isNotNull();
        assertThat(result.problem().type()).as(result.problem().detail()).isEqualTo(type);
        assertThat(result.problem().chainSeq()).as(result.problem().detail()).isEqualTo(seq);
    }
}
