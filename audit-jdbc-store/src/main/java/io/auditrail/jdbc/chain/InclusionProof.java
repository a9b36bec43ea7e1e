package io.auditrail.jdbc.chain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An event's inclusion proof (RFC 9162 §2.1.3) in its organisation's tree, with the signed
 * checkpoint whose root it leads to.
 *
 * @param organizationId the tree's organisation, or {@code null} for events without one
 * @param leafIndex the event's leaf
 * @param treeSize the checkpoint's tree size
 * @param leafHash the leaf hash as stored
 * @param path the audit path, leaf side first
 * @param checkpoint the signed checkpoint of {@code treeSize} whose root the path leads to
 */
public record InclusionProof(@Nullable String organizationId, long leafIndex, long treeSize, byte[] leafHash,
        List<byte[]> path, SignedCheckpoint checkpoint) {
}
