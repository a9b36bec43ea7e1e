package io.auditrail.core.tlog.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.core.tlog.attack.OfflineAttackBench.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant verifies offline what the operator handed over; the operator is the attacker and
 * rewrites the export, the checkpoints or a proof bundle. Each attack must end in exit 1 with the
 * right class and leaf, or exit 2 for input that is not what it claims to be.
 */
class OfflineVerifierAttackTest {

    @TempDir
    Path dir;

    private final OfflineAttackBench acme = new OfflineAttackBench("acme", 8);
    private final OfflineAttackBench beta = new OfflineAttackBench("beta", 8);
    private final String vkey = OfflineAttackBench.SIGNER.verifierKey();

    @Test
    void aProofWhoseCheckpointSignsAnotherOrganisationsLogIsRejected() throws IOException {
        InclusionProofBundle genuine = acme.bundle(3, 8);
        InclusionProofBundle crossed = new InclusionProofBundle(genuine.event(), 3, 8, genuine.path(),
                beta.checkpoint(8).format());
        Outcome outcome = OfflineAttackBench.run("--proof", proof("crossed.json", crossed), "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("MODIFIED at leaf 3");
    }

    @Test
    void aProofOfAnEventMovedIntoAnotherOrganisationsTreeIsRejected() throws IOException {
        InclusionProofBundle betaProof = beta.bundle(3, 8);
        InclusionProofBundle planted = new InclusionProofBundle(OfflineAttackBench.event("acme", "inv-3"), 3, 8,
                betaProof.path(), betaProof.checkpoint());
        Outcome outcome = OfflineAttackBench.run("--proof", proof("planted.json", planted), "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
    }

    @Test
    void aProofSignedByAnotherKeyIsABadSignature() throws IOException {
        InclusionProofBundle genuine = acme.bundle(2, 8);
        SignedNote forged = OfflineAttackBench.STRANGER.sign(LogCheckpoint.parse(acme.checkpoint(8).body()));
        InclusionProofBundle bundle = new InclusionProofBundle(genuine.event(), 2, 8, genuine.path(), forged.format());
        Outcome outcome = OfflineAttackBench.run("--proof", proof("stranger.json", bundle), "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("BAD_SIGNATURE at leaf 2");
    }

    @Test
    void aProofWithAShortenedOrPaddedPathIsRejected() throws IOException {
        InclusionProofBundle genuine = acme.bundle(5, 8);
        List<byte[]> shorter = genuine.path().subList(0, genuine.path().size() - 1);
        List<byte[]> longer = new ArrayList<>(genuine.path());
        longer.add(new byte[32]);
        for (List<byte[]> path : List.of(shorter, longer)) {
            InclusionProofBundle bundle = new InclusionProofBundle(genuine.event(), 5, 8, path, genuine.checkpoint());
            Outcome outcome = OfflineAttackBench.run("--proof", proof("path.json", bundle), "--public-key", vkey);
            assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
            assertThat(outcome.output()).contains("MODIFIED at leaf 5");
        }
    }

    @Test
    void aProofThatClaimsASmallerTreeThanItsCheckpointIsRejected() throws IOException {
        InclusionProofBundle genuine = acme.bundle(1, 4);
        InclusionProofBundle lying = new InclusionProofBundle(genuine.event(), 1, 4, genuine.path(),
                acme.checkpoint(8).format());
        Outcome outcome = OfflineAttackBench.run("--proof", proof("size.json", lying), "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
    }

    @Test
    void aCheckpointFileSignedByAnotherKeyIsABadSignature() throws IOException {
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme",
                OfflineAttackBench.STRANGER.sign(LogCheckpoint.parse(acme.checkpoint(8).body())));
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                acme.exportLines()), "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("BAD_SIGNATURE");
    }

    @Test
    void twoSignedCheckpointsOfOneSizeWithDifferentRootsAreAFork() throws IOException {
        OfflineAttackBench rewritten = new OfflineAttackBench("acme", 8);
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(8),
                rewritten.checkpoint(8));
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                acme.exportLines()), "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("FORKED");
    }

    @Test
    void anExportWithAnOrganisationLeftOutIsTruncatedAgainstItsCheckpoints() throws IOException {
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(8));
        OfflineAttackBench.checkpoints(checkpoints, "beta", beta.checkpoint(8));
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                acme.exportLines()), "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("beta: TRUNCATED at leaf 0");
    }

    @Test
    void aRepeatedLineIsInsertedAndSwappedLinesAreReordered() throws IOException {
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(8));
        List<String> repeated = new ArrayList<>(acme.exportLines());
        repeated.add(4, repeated.get(3));
        Outcome twice = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("r.jsonl"), repeated),
                "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(twice.exit()).as(twice.output()).isEqualTo(1);
        assertThat(twice.output()).contains("INSERTED at leaf 3");

        List<String> swapped = new ArrayList<>(acme.exportLines());
        String third = LogExportLine.parse(swapped.get(3)).event() == null ? null : swapped.get(3);
        swapped.set(3, swapped.get(4).replace("\"leaf_index\":4", "\"leaf_index\":3"));
        swapped.set(4, third.replace("\"leaf_index\":3", "\"leaf_index\":4"));
        Outcome moved = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("s.jsonl"), swapped),
                "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(moved.exit()).as(moved.output()).isEqualTo(1);
        assertThat(moved.output()).containsAnyOf("REORDERED at leaf 3", "MODIFIED at leaf 0");
    }

    @Test
    void aLineWhoseEventDisagreesWithItsLeafHashIsModified() throws IOException {
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(8));
        List<String> lines = new ArrayList<>(acme.exportLines());
        LogExportLine original = LogExportLine.parse(lines.get(2));
        lines.set(2, new LogExportLine(2, "acme", OfflineAttackBench.event("acme", "inv-forged"), acme.leaves.get(2))
                .toJson());
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"), lines),
                "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(original.event()).isNotNull();
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("MODIFIED at leaf 2");
    }

    @Test
    void anExportWithoutAnyCheckpointIsRefusedAsBadArguments() throws IOException {
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                acme.exportLines()), "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).contains("needs --checkpoints");
    }

    /** The checkpoint file covers only another organisation: acme's fabricated export is checked against nothing. */
    @Test
    void anExportOfAnOrganisationNoSignedCheckpointCoversIsNotReportedIntact() throws IOException {
        OfflineAttackBench fabricated = new OfflineAttackBench("acme", 3);
        OfflineAttackBench beta = new OfflineAttackBench("beta", 2);
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "beta", beta.checkpoint(2));
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                fabricated.exportLines()), "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
    }

    @Test
    void aProofForALeafOutsideItsTreeIsRejected() throws IOException {
        InclusionProofBundle genuine = acme.bundle(7, 8);
        for (long index : new long[] {8, 9, Long.MAX_VALUE}) {
            Path file = dir.resolve("outside.json");
            Files.writeString(file, genuine.toJson().replace("\"leaf_index\":7", "\"leaf_index\":" + index));
            Outcome outcome = OfflineAttackBench.run("--proof", file, "--public-key", vkey);
            assertThat(outcome.exit()).as(outcome.output()).isIn(1, 2);
            assertThat(outcome.output()).doesNotContain("OK proof");
        }
    }

    @Test
    void aNewerCheckpointOfAnotherTreeIsNotConsistentWithTheExport() throws IOException {
        OfflineAttackBench rewritten = new OfflineAttackBench("acme", 8);
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(4),
                rewritten.checkpoint(8));
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                acme.exportLines()), "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).containsAnyOf("MODIFIED at leaf 4", "FORKED at leaf 4");
    }

    private Path proof(String name, InclusionProofBundle bundle) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, bundle.toJson());
        return file;
    }

    /** The operator changed event 5; the export hides it behind a "purged" line carrying the old hash. */
    @Test
    void aHashOnlyLineWithoutASignedRetentionRecordDoesNotHideAModifiedEvent() throws IOException {
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(8));
        List<String> lines = new ArrayList<>(acme.exportLines());
        lines.set(5, LogExportLine.purged(5, "acme", acme.leaves.get(5)).toJson());
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"), lines),
                "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("DELETED at leaf 5");
    }

    /** Events appended after the newest checkpoint are in no signed tree, yet they pass as proven. */
    @Test
    void leavesPastTheNewestSignedCheckpointAreNotReportedIntact() throws IOException {
        Path checkpoints = OfflineAttackBench.checkpoints(dir.resolve("cp.jsonl"), "acme", acme.checkpoint(5));
        Outcome outcome = OfflineAttackBench.run("--log", OfflineAttackBench.write(dir.resolve("e.jsonl"),
                acme.exportLines()), "--checkpoints", checkpoints, "--public-key", vkey);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("UNSEALED at leaf 5");
    }
}
