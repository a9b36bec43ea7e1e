package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MerkleTree checked against a second implementation written here straight from the recursive
 * definitions of RFC 9162 §2.1 ({@code MTH}, {@code PATH}, {@code SUBPROOF}), for every tree size up
 * to {@value #MAX_SIZE}, every leaf index and every pair of sizes.
 */
class MerkleTreeAgainstNaiveTest {

    private static final int MAX_SIZE = 200;
    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    private final Map<String, byte[]> naiveMth = new HashMap<>();

    MerkleTreeAgainstNaiveTest() {
        TreeAppender appender = new TreeAppender();
        for (int i = 0; i < MAX_SIZE; i++) {
            byte[] leaf = naiveLeaf(ByteBuffer.allocate(4).putInt(i * 7919).array());
            leaves.add(leaf);
            for (TreeAppender.Node node : appender.append(leaf)) {
                assertThat(nodes.put(node.id(), node.hash())).as("node %s completed twice", node.id()).isNull();
            }
        }
    }

    @Test
    void rootsMatchForEverySize() {
        TreeAppender appender = new TreeAppender();
        for (int n = 0; n <= MAX_SIZE; n++) {
            byte[] expected = mth(0, n);
            assertThat(hex(MerkleTree.root(leaves.subList(0, n)))).as("root of %d", n).isEqualTo(hex(expected));
            assertThat(hex(appender.root())).isEqualTo(hex(expected));
            List<byte[]> frontier = new ArrayList<>();
            for (NodeId id : MerkleTree.frontier(n)) {
                frontier.add(nodes.get(id));
                assertThat(hex(nodes.get(id))).isEqualTo(hex(mth(id.firstLeaf(), id.endLeaf())));
            }
            assertThat(hex(MerkleTree.rootFromFrontier(frontier))).isEqualTo(hex(expected));
            assertThat(hex(appender.frontier())).isEqualTo(hex(frontier));
            if (n < MAX_SIZE) {
                appender.append(leaves.get(n));
            }
        }
    }

    @Test
    void everyStoredNodeIsTheNaiveHashOfItsLeaves() {
        nodes.forEach((id, hash) ->
                assertThat(hex(hash)).as("node %s", id).isEqualTo(hex(mth(id.firstLeaf(), id.endLeaf()))));
    }

    @Test
    void inclusionProofsMatchAndVerifyForEveryIndex() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            byte[] root = mth(0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> expected = path(m, 0, n);
                for (NodeId id : MerkleTree.inclusionNodes(m, n)) {
                    assertThat(id.endLeaf()).isLessThanOrEqualTo(n);
                }
                List<byte[]> proof = MerkleTree.inclusionProof(m, n, onlyNeeded(MerkleTree.inclusionNodes(m, n)));
                assertThat(hex(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(hex(expected));
                assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof, root)).isTrue();
                assertThat(MerkleTree.verifyInclusion(m, n, leaves.get((m + 1) % MAX_SIZE), proof, root)).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), flipped(proof, m % proof.size()), root))
                            .isFalse();
                    if ((m ^ 1) < n) {
                        assertThat(MerkleTree.verifyInclusion(m ^ 1, n, leaves.get(m), proof, root)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void consistencyProofsMatchAndVerifyForEveryPair() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            byte[] root2 = mth(0, n);
            for (int m = 1; m <= n; m++) {
                byte[] root1 = mth(0, m);
                List<byte[]> expected = m == n ? List.of() : subproof(m, 0, n, true);
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, onlyNeeded(MerkleTree.consistencyNodes(m, n)));
                assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hex(expected));
                assertThat(MerkleTree.verifyConsistency(m, n, proof, root1, root2)).isTrue();
                if (m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, proof, root2, root1)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n, flipped(proof, n % proof.size()), root1, root2))
                            .isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n, proof, flipped(List.of(root1), 0).get(0), root2))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void proofsAtFiveMillionLeavesNeedAHandfulOfNodes() {
        long size = 5_000_000;
        for (long index : new long[] {0, 1, 2_499_999, 4_194_303, 4_194_304, 4_999_999}) {
            assertThat(MerkleTree.inclusionNodes(index, size)).hasSizeLessThanOrEqualTo(2 * 23);
        }
        assertThat(MerkleTree.consistencyNodes(1_234_567, size)).hasSizeLessThanOrEqualTo(2 * 23);
        assertThat(MerkleTree.frontier(size)).hasSize(Long.bitCount(size));
    }

    @Test
    void resumingFromAFrontierContinuesTheSameTree() {
        for (int cut = 0; cut <= 37; cut++) {
            TreeAppender appender = TreeAppender.resume(cut, MerkleTree.frontier(cut).stream().map(nodes::get).toList());
            List<TreeAppender.Node> completed = appender.appendAll(leaves.subList(cut, 64));
            assertThat(hex(appender.root())).isEqualTo(hex(mth(0, 64)));
            assertThat(appender.size()).isEqualTo(64);
            completed.forEach(node -> assertThat(hex(node.hash())).isEqualTo(hex(nodes.get(node.id()))));
            int from = cut;
            assertThat(completed.stream().map(TreeAppender.Node::id).toList())
                    .containsExactlyInAnyOrderElementsOf(nodes.keySet().stream()
                            .filter(id -> id.endLeaf() > from && id.endLeaf() <= 64).toList());
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> MerkleTree.inclusionNodes(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionNodes(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyNodes(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyNodes(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(3, 8, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs node");
        assertThatThrownBy(() -> TreeAppender.resume(3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frontier of 2");
        assertThatThrownBy(() -> new TreeAppender().append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(0, 0, leaves.get(0), List.of(), leaves.get(0))).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 3, List.of(), mth(0, 0), mth(0, 3))).isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 3, List.of(), mth(0, 3), mth(0, 3))).isTrue();
        assertThat(MerkleTree.verifyConsistency(3, 3, List.of(leaves.get(0)), mth(0, 3), mth(0, 3))).isFalse();
    }

    private Map<NodeId, byte[]> onlyNeeded(Iterable<NodeId> ids) {
        Map<NodeId, byte[]> needed = new HashMap<>();
        ids.forEach(id -> needed.put(id, nodes.get(id)));
        return needed;
    }

    // --- RFC 9162 §2.1, written recursively, with nothing shared with MerkleTree ---

    private byte[] mth(long lo, long hi) {
        String key = lo + ":" + hi;
        byte[] known = naiveMth.get(key);
        if (known != null) {
            return known;
        }
        byte[] hash;
        if (hi - lo == 0) {
            hash = sha256(new byte[0]);
        } else if (hi - lo == 1) {
            hash = leaves.get((int) lo);
        } else {
            long k = 1;
            while (k * 2 < hi - lo) {
                k *= 2;
            }
            hash = naiveNode(mth(lo, lo + k), mth(lo + k, hi));
        }
        naiveMth.put(key, hash);
        return hash;
    }

    private List<byte[]> path(long m, long lo, long hi) {
        List<byte[]> proof = new ArrayList<>();
        if (hi - lo <= 1) {
            return proof;
        }
        long k = 1;
        while (k * 2 < hi - lo) {
            k *= 2;
        }
        if (m < k) {
            proof.addAll(path(m, lo, lo + k));
            proof.add(mth(lo + k, hi));
        } else {
            proof.addAll(path(m - k, lo + k, hi));
            proof.add(mth(lo, lo + k));
        }
        return proof;
    }

    private List<byte[]> subproof(long m, long lo, long hi, boolean b) {
        List<byte[]> proof = new ArrayList<>();
        if (m == hi - lo) {
            if (!b) {
                proof.add(mth(lo, hi));
            }
            return proof;
        }
        long k = 1;
        while (k * 2 < hi - lo) {
            k *= 2;
        }
        if (m <= k) {
            proof.addAll(subproof(m, lo, lo + k, b));
            proof.add(mth(lo + k, hi));
        } else {
            proof.addAll(subproof(m - k, lo + k, hi, false));
            proof.add(mth(lo, lo + k));
        }
        return proof;
    }

    private static byte[] naiveLeaf(byte[] data) {
        byte[] input = new byte[data.length + 1];
        System.arraycopy(data, 0, input, 1, data.length);
        return sha256(input);
    }

    private static byte[] naiveNode(byte[] left, byte[] right) {
        byte[] input = new byte[65];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, 32);
        System.arraycopy(right, 0, input, 33, 32);
        return sha256(input);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = copy.get(at).clone();
        hash[at % 32] ^= 1;
        copy.set(at, hash);
        return copy;
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTreeAgainstNaiveTest::hex).toList();
    }
}
