package io.auditrail.core.tlog.attack;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.core.tlog.LogOrigin;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.OfflineVerifier;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.core.tlog.TreeAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an operator hands a tenant for offline verification, built with the public API only, so an
 * attack can rewrite any part of it: the export lines, the checkpoint file, proof bundles.
 */
final class OfflineAttackBench {

    static final NoteSigner SIGNER = NoteSigner.ed25519("auditrail", newKey());
    static final NoteSigner STRANGER = NoteSigner.ed25519("auditrail", newKey());

    final @Nullable String organization;
    final LogOrigin origin;
    final List<AuditEvent> events = new ArrayList<>();
    final List<byte[]> leaves = new ArrayList<>();
    final Map<NodeId, byte[]> nodes = new HashMap<>();

    OfflineAttackBench(@Nullable String organization, int size) {
        this.organization = organization;
        this.origin = LogOrigin.of(LogOrigin.DEFAULT_PREFIX, organization);
        TreeAppender appender = new TreeAppender();
        for (int i = 0; i < size; i++) {
            AuditEvent event = event(organization, "inv-" + i);
            events.add(event);
            byte[] leaf = LeafHasher.sha256().leafHash(event);
            leaves.add(leaf);
            appender.append(leaf).forEach(node -> nodes.put(node.id(), node.hash()));
        }
    }

    static AuditEvent event(@Nullable String organization, String resource) {
        return AuditEvent.builder().organizationId(organization).timestamp(Instant.parse("2026-11-20T08:00:00Z"))
                .actor(Actor.user("alice", "Alice", "alice@example.com")).action("invoice.deleted")
                .resource(Resource.of("invoice", resource)).build();
    }

    SignedNote checkpoint(int size) {
        return SIGNER.sign(new LogCheckpoint(origin.value(), size, MerkleTree.root(leaves.subList(0, size))));
    }

    List<String> exportLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            lines.add(LogExportLine.of(i, events.get(i)).toJson());
        }
        return lines;
    }

    InclusionProofBundle bundle(int index, int size) {
        return new InclusionProofBundle(events.get(index), index, size, MerkleTree.inclusionProof(index, size, nodes),
                checkpoint(size).format());
    }

    static Path checkpoints(Path file, @Nullable String organization, SignedNote... notes) {
        FileCheckpointSink sink = new FileCheckpointSink(file);
        for (SignedNote note : notes) {
            sink.publish(organization, note);
        }
        return file;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        return file;
    }

    /** Runs the offline verifier; returns the exit code and the printed text. */
    record Outcome(int exit, String output) {
    }

    static Outcome run(Object... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = OfflineVerifier.run(Arrays.stream(args).map(String::valueOf).toArray(String[]::new), Map.of(),
                stream, stream);
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static PrivateKey newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
