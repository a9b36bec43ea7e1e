package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the stored frontier of an organisation's tree may be extended: a sealer that
 * appended to a tree whose frontier nodes do not match its leaves would sign checkpoints over
 * garbage. The frontier this sealer wrote itself is remembered and must come back unchanged;
 * a frontier it has not seen (first pass, or another sealer appended since) must match the
 * stored nodes one level below each of its nodes. Shared by the sealer and the checkpoint
 * writer, so that neither signs a root it cannot vouch for.
 */
final class TrustedFrontiers {

    private record Trusted(long size, List<byte[]> hashes) {
    }

    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();

    /** The nodes to read to check the frontier of a tree of {@code size} leaves. */
    Set<NodeId> needed(String organizationKey, long size) {
        Set<NodeId> ids = new LinkedHashSet<>(MerkleTree.frontier(size));
        Trusted known = trusted.get(organizationKey);
        if (known == null || known.size() != size) {
            for (NodeId id : MerkleTree.frontier(size)) {
                if (id.level() > 0) {
                    ids.add(new NodeId(id.level() - 1, id.index() * 2));
                    ids.add(new NodeId(id.level() - 1, id.index() * 2 + 1));
                }
            }
        }
        return ids;
    }

    /**
     * The frontier hashes of a tree of {@code size} leaves, checked.
     *
     * @param stored the nodes read for {@link #needed}
     * @return the hashes, left to right
     * @throws IllegalStateException naming the node, when the stored tree must not be extended
     */
    List<byte[]> check(String organizationKey, long size, Map<NodeId, byte[]> stored) {
        Trusted known = trusted.get(organizationKey);
        List<NodeId> frontier = MerkleTree.frontier(size);
        List<byte[]> hashes = new ArrayList<>(frontier.size());
        for (int i = 0; i < frontier.size(); i++) {
            NodeId id = frontier.get(i);
            byte[] hash = stored.get(id);
            if (hash == null) {
                throw new IllegalStateException("the log of '" + organizationKey + "' lacks its node " + id
                        + " of a tree of " + size + " leaves; verify it");
            }
            if (known != null && known.size() == size) {
                if (!Arrays.equals(hash, known.hashes().get(i))) {
                    throw mismatch(organizationKey, id, size, "differs from the one this sealer stored");
                }
            } else if (id.level() > 0) {
                byte[] left = stored.get(new NodeId(id.level() - 1, id.index() * 2));
                byte[] right = stored.get(new NodeId(id.level() - 1, id.index() * 2 + 1));
                if (left == null || right == null || !Arrays.equals(hash, MerkleTree.nodeHash(left, right))) {
                    throw mismatch(organizationKey, id, size, "does not match the nodes below it");
                }
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /**
     * Refuses a tree smaller than one this sealer appended to: leaves are never deleted, so
     * someone with the owner's rights cut it back.
     *
     * @throws IllegalStateException naming both sizes
     */
    void requireNotCutBack(String organizationKey, long size) {
        Trusted known = trusted.get(organizationKey);
        if (known != null && known.size() > size) {
            throw new IllegalStateException("the log of '" + organizationKey + "' had " + known.size()
                    + " leaves and now has " + size + "; the sealer will not extend it; verify it");
        }
    }

    /** The frontier this sealer committed. */
    void committed(String organizationKey, long size, List<byte[]> hashes) {
        trusted.put(organizationKey, new Trusted(size, List.copyOf(hashes)));
    }

    /** Forgets what this sealer knew of a tree, e.g. after a failure whose outcome is unknown. */
    void forget(@Nullable String organizationKey) {
        if (organizationKey != null) {
            trusted.remove(organizationKey);
        }
    }

    private static IllegalStateException mismatch(String organizationKey, NodeId id, long size, String why) {
        return new IllegalStateException("the stored node " + id + " of the log of '" + organizationKey
                + "' (a tree of " + size + " leaves) " + why + "; the sealer will not extend it or sign over it;"
                + " verify it");
    }
}
