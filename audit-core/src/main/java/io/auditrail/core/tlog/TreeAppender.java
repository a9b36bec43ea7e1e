package io.auditrail.core.tlog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Appends leaves to a Merkle log that is known only by its size and frontier (O(log n) hashes),
 * reporting every complete subtree each leaf closes, so that a store can persist nodes
 * insert-only and a verifier can recompute a tree while streaming its leaves. Pure: no I/O. Not
 * thread-safe; one appender per tree and thread.
 */
public final class TreeAppender {

    /**
     * A complete subtree and its hash.
     *
     * @param id the subtree
     * @param hash its 32-byte hash
     */
    public record Node(NodeId id, byte[] hash) {
    }

    /** {@code byLevel[l]} is the frontier's subtree of 2^l leaves when bit l of size is set, else null. */
    private final byte[][] byLevel = new byte[63][];
    private long size;

    /** Starts an empty tree. */
    public TreeAppender() {
    }

    /**
     * Continues a tree.
     *
     * @param size its size
     * @param frontierHashes the hashes of {@link MerkleTree#frontier(long) frontier(size)}, left to right
     * @return the appender
     * @throws IllegalArgumentException when the number of hashes does not match the size or a hash is
     *     not 32 bytes
     */
    public static TreeAppender resume(long size, List<byte[]> frontierHashes) {
        List<NodeId> frontier = MerkleTree.frontier(size);
        if (frontier.size() != frontierHashes.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has a frontier of " + frontier.size()
                    + " hashes but " + frontierHashes.size() + " were given");
        }
        TreeAppender appender = new TreeAppender();
        for (int i = 0; i < frontier.size(); i++) {
            appender.byLevel[frontier.get(i).level()] = checked(frontierHashes.get(i));
        }
        appender.size = size;
        return appender;
    }

    /**
     * Appends one leaf.
     *
     * @param leafHash its 32-byte hash
     * @return the subtrees it completed, the leaf itself (level 0) first, then upwards
     */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>(2);
        add(checked(leafHash), completed);
        return completed;
    }

    /**
     * Appends leaves in order.
     *
     * @param leafHashes their 32-byte hashes
     * @return the subtrees they completed, in the order they became complete
     */
    public List<Node> appendAll(List<byte[]> leafHashes) {
        List<Node> completed = new ArrayList<>(leafHashes.size() * 2);
        for (byte[] leafHash : leafHashes) {
            add(checked(leafHash), completed);
        }
        return completed;
    }

    /**
     * The number of leaves.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * The frontier's hashes, in {@link MerkleTree#frontier(long)} order.
     *
     * @return a new list
     */
    public List<byte[]> frontier() {
        List<byte[]> hashes = new ArrayList<>(Long.bitCount(size));
        for (int level = byLevel.length - 1; level >= 0; level--) {
            if (byLevel[level] != null) {
                hashes.add(byLevel[level]);
            }
        }
        return hashes;
    }

    /**
     * The current root.
     *
     * @return 32 bytes; {@link MerkleTree#emptyRoot()} for no leaves
     */
    public byte[] root() {
        return MerkleTree.rootFromFrontier(frontier());
    }

    /** Appends without reporting nodes, for callers that only need the root. */
    void add(byte[] leafHash) {
        add(checked(leafHash), null);
    }

    private void add(byte[] leafHash, @Nullable List<Node> completed) {
        long index = size;
        if (index == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        byte[] hash = leafHash;
        int level = 0;
        if (completed != null) {
            completed.add(new Node(new NodeId(0, index), hash));
        }
        while ((index >>> level & 1) == 1) {
            hash = MerkleTree.nodeHash(byLevel[level], hash);
            byLevel[level] = null;
            level++;
            if (completed != null) {
                completed.add(new Node(new NodeId(level, index >>> level), hash));
            }
        }
        byLevel[level] = hash;
        size = index + 1;
    }

    private static byte[] checked(byte[] hash) {
        if (hash == null || hash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a tree hash has " + MerkleTree.HASH_BYTES + " bytes but had "
                    + (hash == null ? "none" : hash.length));
        }
        return hash;
    }
}
