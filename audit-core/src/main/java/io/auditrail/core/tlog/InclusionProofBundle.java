package io.auditrail.core.tlog;

import io.auditrail.core.event.AuditEvent;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a tenant needs to check offline that one event is in the signed log:
 * {@code {"leaf_index":n,"tree_size":m,"event":{...},"path":["<base64>",...],"checkpoint":"<signed note>"}}.
 * The path is the RFC 9162 inclusion proof of the event's leaf in the tree of {@code tree_size}
 * leaves, and the checkpoint is the signed note of that tree.
 *
 * @param event the event
 * @param leafIndex its leaf's index
 * @param treeSize the size of the tree the proof and the checkpoint refer to
 * @param path the audit path, leaf side first
 * @param checkpoint the signed checkpoint note, as text
 */
public record InclusionProofBundle(AuditEvent event, long leafIndex, long treeSize, List<byte[]> path,
        String checkpoint) {

    /**
     * Copies the path.
     *
     * @throws IllegalArgumentException when the index is not inside the tree
     */
    public InclusionProofBundle {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not inside a tree of " + treeSize + " leaves");
        }
        path = path.stream().map(byte[]::clone).toList();
    }

    /**
     * Checks the bundle: the note is validly signed, it is the checkpoint of the event's
     * organisation's log at {@code tree_size}, and the path leads from the event's leaf to its root.
     *
     * @param hasher how leaves are hashed (plain or keyed)
     * @param key the checkpoint signer's public key
     * @param originPrefix the deployment's origin prefix, see {@link LogOrigin}
     * @return the result, for one leaf
     */
    public LogVerification verify(LeafHasher hasher, NoteVerifier key, String originPrefix) {
        LogProblem problem = problem(hasher, key, originPrefix);
        return new LogVerification(event.organizationId(), problem == null, 1, treeSize, problem);
    }

    private @Nullable LogProblem problem(LeafHasher hasher, NoteVerifier key, String originPrefix) {
        SignedNote note;
        LogCheckpoint signed;
        try {
            note = SignedNote.parse(checkpoint);
            signed = LogCheckpoint.parse(note.body());
        } catch (IllegalArgumentException e) {
            return new LogProblem(leafIndex, LogProblem.Type.BAD_SIGNATURE, "the proof's checkpoint is malformed: "
                    + e.getMessage());
        }
        if (!key.verify(note)) {
            return new LogProblem(leafIndex, LogProblem.Type.BAD_SIGNATURE,
                    "the proof's checkpoint is not validly signed by the verifier key");
        }
        String origin = LogOrigin.of(originPrefix, event.organizationId()).value();
        if (!signed.origin().equals(origin)) {
            return new LogProblem(leafIndex, LogProblem.Type.MODIFIED, "the event belongs to the log " + origin
                    + " but the checkpoint signs " + LogCheckpoint.abbreviate(signed.origin()));
        }
        if (signed.size() != treeSize) {
            return new LogProblem(leafIndex, LogProblem.Type.MODIFIED, "the proof is for a tree of " + treeSize
                    + " leaves but the checkpoint signs " + signed.size());
        }
        if (!MerkleTree.verifyInclusion(leafIndex, treeSize, hasher.leafHash(event), path, signed.rootHash())) {
            return new LogProblem(leafIndex, LogProblem.Type.MODIFIED,
                    "the event and the path do not lead to the signed root");
        }
        return null;
    }

    /**
     * Writes the bundle.
     *
     * @return one JSON object
     */
    public String toJson() {
        ObjectNode bundle = TlogJson.object();
        bundle.put("leaf_index", leafIndex);
        bundle.put("tree_size", treeSize);
        bundle.set("event", TlogJson.eventNode(event));
        ArrayNode hashes = bundle.putArray("path");
        path.forEach(hash -> hashes.add(Base64.getEncoder().encodeToString(hash)));
        bundle.put("checkpoint", checkpoint);
        return bundle.toString();
    }

    /**
     * Reads a bundle.
     *
     * @param json a document written by {@link #toJson()}
     * @return the bundle
     * @throws IllegalArgumentException when the document is malformed; the message says which field
     */
    public static InclusionProofBundle parse(String json) {
        JsonNode bundle = TlogJson.read(json, "an inclusion proof");
        JsonNode event = bundle.get("event");
        if (event == null) {
            throw new IllegalArgumentException("\"event\" must be a JSON object");
        }
        return new InclusionProofBundle(TlogJson.event(event), TlogJson.nonNegativeLong(bundle, "leaf_index"),
                TlogJson.nonNegativeLong(bundle, "tree_size"), TlogJson.hashes(bundle, "path"),
                TlogJson.text(bundle, "checkpoint"));
    }
}
