package io.auditrail.jdbc.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree definitions of RFC 9162 §2.1 written down literally (recursive, no stored
 * nodes, nothing shared with the code under test), to check the proofs the store serves.
 */
final class NaiveMerkle {

    /** A complete subtree: level, index, hash. */
    record Node(int level, long index, byte[] hash) {
    }

    private NaiveMerkle() {
    }

    /** MTH(D[n]) over leaf hashes. */
    static byte[] root(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]) of §2.1.3.1. */
    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> path = new ArrayList<>();
        if (leaves.size() <= 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        if (m < k) {
            path.addAll(path(m, leaves.subList(0, k)));
            path.add(root(leaves.subList(k, leaves.size())));
        } else {
            path.addAll(path(m - k, leaves.subList(k, leaves.size())));
            path.add(root(leaves.subList(0, k)));
        }
        return path;
    }

    /** PROOF(m, D[n]) of §2.1.4.1. */
    static List<byte[]> consistency(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        List<byte[]> proof = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!b) {
                proof.add(root(leaves));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), b));
            proof.add(root(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(root(leaves.subList(0, k)));
        }
        return proof;
    }

    /** Every complete, aligned subtree of the tree, as a store of all levels would hold them. */
    static List<Node> completeNodes(List<byte[]> leaves) {
        List<Node> nodes = new ArrayList<>();
        for (int level = 0; (1L << level) <= leaves.size(); level++) {
            int width = 1 << level;
            for (int index = 0; (index + 1) * width <= leaves.size(); index++) {
                nodes.add(new Node(level, index, root(leaves.subList(index * width, (index + 1) * width))));
            }
        }
        return nodes;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] node(byte[] left, byte[] right) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 1);
            sha256.update(left);
            return sha256.digest(right);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
