package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.chain.ChainKeys;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier on exports, checkpoints and proofs written by the library itself, then tampered with. */
class OfflineVerifierTest {

    @TempDir
    Path dir;

    private final TestLog acme = new TestLog("acme", 12);
    private final TestLog globex = new TestLog("globex", 5);
    private final TestLog none = new TestLog(null, 3);
    private Path export;
    private Path checkpoints;
    private String vkey;
    private String output;

    @BeforeEach
    void writeExportAndCheckpoints() throws IOException {
        export = dir.resolve("export.jsonl");
        List<String> lines = new ArrayList<>();
        for (TestLog log : List.of(acme, globex, none)) {
            for (int i = 0; i < log.events.size(); i++) {
                lines.add(LogExportLine.of(i, log.events.get(i)).toJson());
            }
        }
        Files.write(export, lines);
        checkpoints = dir.resolve("checkpoints").resolve("checkpoints.jsonl");
        FileCheckpointSink sink = new FileCheckpointSink(checkpoints);
        sink.publish("acme", acme.checkpoint(4));
        sink.publish("acme", acme.checkpoint(12));
        sink.publish("globex", globex.checkpoint(5));
        sink.publish(null, none.checkpoint(3));
        assertThat(sink.failures()).isZero();
        vkey = TestLog.SIGNER.verifierKey();
    }

    @Test
    void anUntouchedExportIsIntact() {
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isZero();
        assertThat(output).contains("OK acme: 12 leaves intact, tree size 12, 2 signed checkpoints",
                "OK globex: 5 leaves intact, tree size 5, 1 signed checkpoint",
                "OK (no organisation): 3 leaves intact, tree size 3");
    }

    @Test
    void aPurgedLeafPassesOnlyBelowASignedRetentionRecord() throws IOException {
        replaceLine(export, 0, line -> LogExportLine.purged(0, "acme", acme.leaves.get(0)).toJson());
        replaceLine(export, 1, line -> LogExportLine.purged(1, "acme", acme.leaves.get(1)).toJson());
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: DELETED at leaf 0");

        SignedNote retention = TestLog.SIGNER.sign(new SignedNote(new LogCheckpoint(acme.origin.value(), 2,
                acme.root(2)).retentionNoteBody(), List.of()));
        new FileCheckpointSink(checkpoints).publish("acme", retention);
        assertThat(Files.readString(checkpoints)).contains("\"kind\":\"retention\"");
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isZero();
        assertThat(output).contains("OK acme: 12 leaves intact");

        replaceLine(export, 2, line -> LogExportLine.purged(2, "acme", acme.leaves.get(2)).toJson());
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: DELETED at leaf 2");
    }

    @Test
    void leavesPastTheNewestCheckpointAreUnproven() throws IOException {
        Files.write(checkpoints, Files.readAllLines(checkpoints).stream()
                .filter(line -> !line.contains("\"tree_size\":12")).toList());
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: UNSEALED at leaf 4: leaves 4..11 lie past the newest signed"
                + " checkpoint (4)").contains("OK globex");
    }

    @Test
    void aChangedEventIsFound() throws IOException {
        replaceLine(export, 6, line -> line.replace("invoice.deleted", "invoice.paid"));

        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: MODIFIED at leaf 4").contains("OK globex");
    }

    @Test
    void aRemovedLineIsDeletedAndCutTailsAreTruncated() throws IOException {
        replaceLine(export, 2, line -> "");
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: DELETED at leaf 2");

        writeExportAndCheckpoints();
        replaceLine(export, 11, line -> "");
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: TRUNCATED at leaf 11");
    }

    @Test
    void anOrganisationMissingFromTheExportIsTruncated() throws IOException {
        List<String> kept = Files.readAllLines(export).stream().filter(line -> !line.contains("\"globex\"")).toList();
        Files.write(export, kept);

        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM globex: TRUNCATED at leaf 0").contains("OK acme");
    }

    @Test
    void tamperedForgedAndForkedCheckpointsAreFound() throws IOException {
        replaceLine(checkpoints, 0, line -> line.replace("\\n4\\n", "\\n5\\n"));
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: BAD_SIGNATURE");

        Path forged = dir.resolve("forged.jsonl");
        new FileCheckpointSink(forged).publish("acme", TestLog.STRANGER.sign(
                new LogCheckpoint(acme.origin.value(), 12, new TestLog("acme", 12).root(12))));
        assertThat(run("--log", export, "--checkpoints", forged, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: BAD_SIGNATURE");

        Path forked = dir.resolve("forked.jsonl");
        FileCheckpointSink sink = new FileCheckpointSink(forked);
        sink.publish("acme", acme.checkpoint(4));
        sink.publish("acme", new TestLog("acme", 8).checkpoint(8));
        sink.publish("acme", acme.checkpoint(12));
        assertThat(run("--log", export, "--checkpoints", forked, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("PROBLEM acme: FORKED at leaf 4");

        replaceLine(forked, 1, line -> line.replace("\\u2014", "-").replace("\u2014", "-"));
        assertThat(run("--log", export, "--checkpoints", forked, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("BAD_SIGNATURE: the note is malformed");
    }

    @Test
    void proofsVerifyAndTamperedProofsDoNot() throws IOException {
        Path proof = writeProof("proof.json", bundle(acme, 7, 12));
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, TestLog.SIGNER.verifierKey());

        assertThat(run("--proof", proof, "--public-key", pem)).isZero();
        assertThat(output).contains("OK proof " + proof + ": event " + acme.events.get(7).id()
                + " is leaf 7 of auditrail/org/acme at size 12");
        assertThat(run("--proof", proof, "--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isZero();

        Path changed = writeProof("changed.json", new InclusionProofBundle(acme.changed(7), 7, 12,
                bundle(acme, 7, 12).path(), acme.checkpoint(12).format()));
        assertThat(run("--proof", changed, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("MODIFIED at leaf 7");

        Path moved = writeProof("moved.json", new InclusionProofBundle(acme.events.get(7), 6, 12,
                bundle(acme, 7, 12).path(), acme.checkpoint(12).format()));
        assertThat(run("--proof", moved, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("MODIFIED at leaf 6");

        Path forged = writeProof("forged.json", new InclusionProofBundle(acme.events.get(7), 7, 12,
                bundle(acme, 7, 12).path(), TestLog.STRANGER.sign(LogCheckpoint.parse(acme.checkpoint(12).body())).format()));
        assertThat(run("--proof", forged, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("BAD_SIGNATURE");

        TestLog fork = new TestLog("acme", 12);
        Path forkedFile = dir.resolve("forked.jsonl");
        new FileCheckpointSink(forkedFile).publish("acme", fork.checkpoint(12));
        assertThat(run("--proof", proof, "--checkpoints", forkedFile, "--public-key", vkey)).isEqualTo(1);
        assertThat(output).contains("FORKED");
    }

    @Test
    void aKeyedLogVerifiesWithItsKeyFromTheEnvironment() throws IOException {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        TestLog keyed = new TestLog("acme", 4, LeafHasher.hmac(key));
        Path keyedExport = dir.resolve("keyed.jsonl");
        Files.write(keyedExport, keyed.events.stream().map(e -> LogExportLine.of(keyed.events.indexOf(e), e).toJson())
                .toList());
        Path keyedCheckpoints = dir.resolve("keyed-checkpoints.jsonl");
        new FileCheckpointSink(keyedCheckpoints).publish("acme", keyed.checkpoint(4));
        Map<String, String> environment = Map.of("LEAF_KEY", Base64.getEncoder().encodeToString(key));

        assertThat(run(environment, "--log", keyedExport, "--checkpoints", keyedCheckpoints, "--public-key", vkey,
                "--hmac-key-env", "LEAF_KEY")).isZero();
        assertThat(run("--log", keyedExport, "--checkpoints", keyedCheckpoints, "--public-key", vkey)).isEqualTo(1);
        assertThat(run(environment, "--log", keyedExport, "--checkpoints", keyedCheckpoints, "--public-key", vkey,
                "--hmac-key-env", "UNSET")).isEqualTo(2);
        assertThat(output).contains("UNSET is not set");
    }

    @Test
    void badArgumentsAndUnreadableInputExitWithTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(output).contains("--public-key is required").contains("usage:");
        assertThat(run("--log", export, "--public-key", vkey)).isEqualTo(2);
        assertThat(output).contains("--log needs --checkpoints");
        assertThat(run("--public-key", vkey, "--checkpoints", checkpoints)).isEqualTo(2);
        assertThat(run("--bogus", "1", "--public-key", vkey)).isEqualTo(2);
        assertThat(output).contains("unknown option --bogus");
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key")).isEqualTo(2);
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", "not-a-key")).isEqualTo(2);
        assertThat(run("--log", dir.resolve("missing.jsonl"), "--checkpoints", checkpoints, "--public-key", vkey))
                .isEqualTo(2);
        assertThat(output).contains("cannot read");
        replaceLine(export, 3, line -> line.substring(0, 20));
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey)).isEqualTo(2);
        assertThat(output).contains("line 4");
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--public-key", vkey, "--origin-prefix", "other"))
                .isEqualTo(2);
        assertThat(output).contains("not a log origin of prefix other");
    }

    @Test
    void runsAloneWithCoreJacksonAndSlf4jOnTheClassPath() throws Exception {
        KeyPair pair = ChainKeys.generate();
        NoteSigner signer = NoteSigner.ed25519("standalone", pair.getPrivate());
        Path standaloneCheckpoints = dir.resolve("standalone.jsonl");
        FileCheckpointSink sink = new FileCheckpointSink(standaloneCheckpoints);
        for (TestLog log : List.of(acme, globex, none)) {
            int size = log.events.size();
            sink.publish(log.origin.organizationId(), signer.sign(new LogCheckpoint(log.origin.value(), size,
                    log.root(size))));
        }
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, ChainKeys.toPem(pair.getPublic()));
        List<Path> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(entry -> entry.endsWith(Path.of("audit-core", "target", "classes"))
                        || entry.getFileName().toString().matches("(jackson-|slf4j-api-).*\\.jar"))
                .toList();
        assertThat(entries).hasSize(5).noneMatch(entry -> entry.getFileName().toString().matches(".*(spring|micronaut).*"));
        String classPath = entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, OfflineVerifier.class.getName(), "--log", export.toString(), "--checkpoints",
                standaloneCheckpoints.toString(), "--public-key", pem.toString(), "--key-name", "standalone")
                .redirectErrorStream(true).start();
        try {
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(text).contains("OK acme: 12 leaves intact, tree size 12, 1 signed checkpoint");
            assertThat(process.exitValue()).as(text).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private InclusionProofBundle bundle(TestLog log, int index, int size) {
        List<byte[]> path = MerkleTree.inclusionProof(index, size, log.nodes);
        return new InclusionProofBundle(log.events.get(index), index, size, path, log.checkpoint(size).format());
    }

    private Path writeProof(String name, InclusionProofBundle bundle) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, bundle.toJson());
        return file;
    }

    private static void replaceLine(Path file, int index, java.util.function.UnaryOperator<String> change)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(index, change.apply(lines.get(index)));
        Files.write(file, lines);
    }

    private int run(Object... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> environment, Object... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = OfflineVerifier.run(Arrays.stream(args).map(String::valueOf).toArray(String[]::new), environment,
                stream, stream);
        output = bytes.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
