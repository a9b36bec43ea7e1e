package io.auditrail.core.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Merkle tree hash of RFC 9162 §2.1 and its proofs, as pure functions over hashes.
 *
 * <p>A tree of {@code n} leaves is described by complete, aligned subtrees ({@link NodeId}): its
 * <em>frontier</em> is the binary decomposition of {@code n} (size 7 = subtrees of 4, 2 and 1
 * leaves), and its root folds the frontier from the right. Every hash a proof carries is the hash
 * of a range of leaves that decomposes the same way, so a store that keeps complete subtrees can
 * answer any proof from a fixed set of nodes: {@link #inclusionNodes} and {@link #consistencyNodes}
 * name that set (at most two per level, so one indexed query of O(log n) rows), and
 * {@link #inclusionProof} / {@link #consistencyProof} assemble the RFC's proof from the fetched
 * hashes. All hashes are 32 bytes; sizes and indexes are non-negative {@code long}s.
 */
public final class MerkleTree {

    /** Bytes of a SHA-256 hash. */
    public static final int HASH_BYTES = 32;

    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /**
     * An interior node: {@code SHA-256(0x01 || left || right)}.
     *
     * @param left the left child's hash
     * @param right the right child's hash
     * @return 32 bytes
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /**
     * The root of the empty tree: {@code SHA-256()} of nothing.
     *
     * @return 32 bytes
     */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /**
     * The root of a tree (RFC 9162 {@code MTH}), in one pass with O(log n) extra memory.
     *
     * @param leafHashes the leaf hashes in index order
     * @return 32 bytes; {@link #emptyRoot()} for no leaves
     */
    public static byte[] root(List<byte[]> leafHashes) {
        TreeAppender appender = new TreeAppender();
        for (byte[] leaf : leafHashes) {
            appender.add(leaf);
        }
        return appender.root();
    }

    /**
     * The complete subtrees whose hashes describe a tree of {@code size} leaves, left (largest) to
     * right.
     *
     * @param size the tree size
     * @return one node per set bit of {@code size}
     */
    public static List<NodeId> frontier(long size) {
        requireNonNegative(size, "tree size");
        return decompose(0, size);
    }

    /**
     * The root from the frontier's hashes, in {@link #frontier(long)} order.
     *
     * @param frontierHashes the hashes, left to right
     * @return 32 bytes; {@link #emptyRoot()} for an empty frontier
     */
    public static byte[] rootFromFrontier(List<byte[]> frontierHashes) {
        if (frontierHashes.isEmpty()) {
            return emptyRoot();
        }
        byte[] hash = frontierHashes.get(frontierHashes.size() - 1);
        for (int i = frontierHashes.size() - 2; i >= 0; i--) {
            hash = nodeHash(frontierHashes.get(i), hash);
        }
        return hash;
    }

    /**
     * The stored nodes an inclusion proof needs.
     *
     * @param leafIndex the leaf, below {@code treeSize}
     * @param treeSize the tree size
     * @return the set, in no particular order
     * @throws IllegalArgumentException when the index is not inside the tree
     */
    public static Set<NodeId> inclusionNodes(long leafIndex, long treeSize) {
        return nodesOf(inclusionRanges(leafIndex, treeSize));
    }

    /**
     * The inclusion proof of RFC 9162 §2.1.3.1, {@code PATH(m, D[n])}, leaf side first.
     *
     * @param leafIndex the leaf, below {@code treeSize}
     * @param treeSize the tree size
     * @param nodes at least the hashes of {@link #inclusionNodes(long, long)}
     * @return the audit path
     * @throws IllegalArgumentException when the index is not inside the tree or a node is missing
     */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, Map<NodeId, byte[]> nodes) {
        return hashesOf(inclusionRanges(leafIndex, treeSize), nodes);
    }

    /**
     * The stored nodes a consistency proof needs.
     *
     * @param size1 the older size, at least 1
     * @param size2 the newer size, at least {@code size1}
     * @return the set, in no particular order; empty when the sizes are equal
     * @throws IllegalArgumentException when the sizes are out of order or {@code size1} is 0
     */
    public static Set<NodeId> consistencyNodes(long size1, long size2) {
        return nodesOf(consistencyRanges(size1, size2));
    }

    /**
     * The consistency proof of RFC 9162 §2.1.4.1, {@code PROOF(m, D[n])}.
     *
     * @param size1 the older size, at least 1
     * @param size2 the newer size, at least {@code size1}
     * @param nodes at least the hashes of {@link #consistencyNodes(long, long)}
     * @return the proof; empty when the sizes are equal
     * @throws IllegalArgumentException when the sizes are out of order, {@code size1} is 0 or a node
     *     is missing
     */
    public static List<byte[]> consistencyProof(long size1, long size2, Map<NodeId, byte[]> nodes) {
        return hashesOf(consistencyRanges(size1, size2), nodes);
    }

    /**
     * Verifies an inclusion proof as RFC 9162 §2.1.3.2 does.
     *
     * @param leafIndex the leaf's index
     * @param treeSize the size of the tree the root belongs to
     * @param leafHash the leaf hash
     * @param proof the audit path
     * @param root the tree's root
     * @return whether the proof shows the leaf at that index in that tree; {@code false} for any
     *     malformed input
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !wellFormed(leafHash, root) || !wellFormed(proof)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Verifies a consistency proof as RFC 9162 §2.1.4.2 does. Equal sizes need an empty proof and
     * equal roots; a proof from the empty tree is meaningless and fails.
     *
     * @param size1 the older size
     * @param size2 the newer size
     * @param proof the consistency proof
     * @param root1 the older root
     * @param root2 the newer root
     * @return whether the newer tree extends the older one; {@code false} for any malformed input
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 <= 0 || size2 < size1 || !wellFormed(root1, root2) || !wellFormed(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    /** A range of leaves {@code [start, end)} whose start is aligned to a power of two at least its length. */
    private record Range(long start, long end) {
    }

    private static List<Range> inclusionRanges(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not inside a tree of " + treeSize + " leaves");
        }
        List<Range> ranges = new ArrayList<>();
        long lo = 0;
        long hi = treeSize;
        long m = leafIndex;
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (m < k) {
                ranges.add(new Range(lo + k, hi));
                hi = lo + k;
            } else {
                ranges.add(new Range(lo, lo + k));
                lo += k;
                m -= k;
            }
        }
        return reversed(ranges);
    }

    private static List<Range> consistencyRanges(long size1, long size2) {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("a consistency proof needs 0 < size1 <= size2 but had " + size1
                    + " and " + size2);
        }
        List<Range> ranges = new ArrayList<>();
        long lo = 0;
        long hi = size2;
        long m = size1;
        boolean whole = true;
        while (m != hi - lo) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (m <= k) {
                ranges.add(new Range(lo + k, hi));
                hi = lo + k;
            } else {
                ranges.add(new Range(lo, lo + k));
                lo += k;
                m -= k;
                whole = false;
            }
        }
        if (!whole) {
            ranges.add(new Range(lo, hi));
        }
        return reversed(ranges);
    }

    private static Set<NodeId> nodesOf(List<Range> ranges) {
        Set<NodeId> nodes = new LinkedHashSet<>();
        for (Range range : ranges) {
            nodes.addAll(decompose(range.start(), range.end()));
        }
        return nodes;
    }

    private static List<byte[]> hashesOf(List<Range> ranges, Map<NodeId, byte[]> nodes) {
        List<byte[]> hashes = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            List<byte[]> parts = new ArrayList<>();
            for (NodeId id : decompose(range.start(), range.end())) {
                byte[] hash = nodes.get(id);
                if (hash == null || hash.length != HASH_BYTES) {
                    throw new IllegalArgumentException("the proof needs node " + id + " but it is "
                            + (hash == null ? "missing" : hash.length + " bytes long"));
                }
                parts.add(hash);
            }
            hashes.add(rootFromFrontier(parts));
        }
        return hashes;
    }

    /** The complete subtrees covering {@code [start, end)}, largest first; {@code start} must be aligned. */
    static List<NodeId> decompose(long start, long end) {
        List<NodeId> nodes = new ArrayList<>(Long.bitCount(end - start));
        long position = start;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(1, end - start)); level >= 0; level--) {
            if (((end - start) >>> level & 1) == 1) {
                nodes.add(new NodeId(level, position >> level));
                position += 1L << level;
            }
        }
        return nodes;
    }

    /** The k of RFC 9162: the largest power of two smaller than {@code n} (n at least 2). */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean wellFormed(byte[]... hashes) {
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != HASH_BYTES) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellFormed(List<byte[]> hashes) {
        return hashes != null && wellFormed(hashes.toArray(byte[][]::new));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list.size());
        for (int i = list.size() - 1; i >= 0; i--) {
            copy.add(list.get(i));
        }
        return copy;
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException("a " + what + " cannot be negative but was " + value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
