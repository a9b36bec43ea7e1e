package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 6962/9162 reference vectors. The hash values, the eight leaf inputs and the root of every
 * prefix come from transparency-dev/merkle ({@code rfc6962/rfc6962_test.go} and
 * {@code testonly/constants.go}, commit 417fb0c314750d94e53942e9f92e79b6d35915db, Apache-2.0), the
 * Certificate Transparency reference tree; the probe files in {@code src/test/resources/tlog} are
 * that repository's {@code testdata/inclusion} and {@code testdata/consistency} probes, one array
 * element per original file.
 */
class MerkleTreeVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final LeafHasher LEAVES = LeafHasher.sha256();

    private static final String[] LEAF_INPUTS = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    };

    /** Complete subtrees of the eight-leaf tree, by level then index. */
    private static final String[][] NODE_HASHES = {
        {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        },
        {
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        },
        {
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        },
        {"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"},
    };

    /** Roots of the prefixes of sizes 0 to 8. */
    private static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    @Test
    void hashesMatchTheRfcExamples() {
        assertThat(hex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(LEAVES.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(LEAVES.leafHash("L123456".getBytes())))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(hex(MerkleTree.nodeHash("N123".getBytes(), "N456".getBytes())))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void everyPrefixOfTheReferenceTreeHasItsRootAndNodes() {
        TreeAppender appender = new TreeAppender();
        Map<NodeId, byte[]> nodes = new HashMap<>();
        assertThat(hex(appender.root())).isEqualTo(ROOTS[0]);
        for (int size = 1; size <= LEAF_INPUTS.length; size++) {
            for (TreeAppender.Node node : appender.append(LEAVES.leafHash(HEX.parseHex(LEAF_INPUTS[size - 1])))) {
                nodes.put(node.id(), node.hash());
            }
            assertThat(hex(appender.root())).as("root of %d", size).isEqualTo(ROOTS[size]);
            assertThat(hex(MerkleTree.root(leafHashes(size)))).isEqualTo(ROOTS[size]);
            List<byte[]> frontier = new ArrayList<>();
            for (NodeId id : MerkleTree.frontier(size)) {
                frontier.add(nodes.get(id));
            }
            assertThat(hex(MerkleTree.rootFromFrontier(frontier))).isEqualTo(ROOTS[size]);
            assertThat(hex(MerkleTree.rootFromFrontier(appender.frontier()))).isEqualTo(ROOTS[size]);
        }
        for (int level = 0; level < NODE_HASHES.length; level++) {
            for (int index = 0; index < NODE_HASHES[level].length; index++) {
                assertThat(hex(nodes.get(new NodeId(level, index)))).as("node %d/%d", level, index)
                        .isEqualTo(NODE_HASHES[level][index]);
            }
        }
        assertThat(nodes).hasSize(15);
    }

    @Test
    void inclusionProbesVerifyExactlyWhenExpected() throws IOException {
        JsonNode probes = probes("inclusion");
        assertThat(probes.size()).isGreaterThan(90);
        int matchedReferenceProofs = 0;
        for (JsonNode probe : probes) {
            long index = uint64(probe.get("leafIdx"));
            long size = uint64(probe.get("treeSize"));
            byte[] leaf = b64(probe.get("leafHash"));
            byte[] root = b64(probe.get("root"));
            List<byte[]> proof = b64List(probe.get("proof"));
            boolean ok = MerkleTree.verifyInclusion(index, size, leaf, proof, root);
            assertThat(ok).as(probe.get("file").asString()).isEqualTo(!probe.get("wantErr").asBoolean());
            if (ok && size <= 8 && hex(root).equals(ROOTS[(int) size])) {
                assertThat(hex(MerkleTree.inclusionProof(index, size, referenceNodes())))
                        .as("proof of %s", probe.get("file").asString()).isEqualTo(hex(proof));
                matchedReferenceProofs++;
            }
        }
        assertThat(matchedReferenceProofs).isGreaterThanOrEqualTo(5);
    }

    @Test
    void consistencyProbesVerifyExactlyWhenExpected() throws IOException {
        JsonNode probes = probes("consistency");
        assertThat(probes.size()).isGreaterThan(90);
        int matchedReferenceProofs = 0;
        for (JsonNode probe : probes) {
            long size1 = uint64(probe.get("size1"));
            long size2 = uint64(probe.get("size2"));
            byte[] root1 = b64(probe.get("root1"));
            byte[] root2 = b64(probe.get("root2"));
            List<byte[]> proof = b64List(probe.get("proof"));
            boolean ok = MerkleTree.verifyConsistency(size1, size2, proof, root1, root2);
            // Stricter than the reference on purpose: a root that is not a SHA-256 hash is refused
            // even where the sizes alone would decide (one probe passes "don't care" roots).
            boolean wellFormed = root1.length == MerkleTree.HASH_BYTES && root2.length == MerkleTree.HASH_BYTES;
            assertThat(ok).as(probe.get("file").asString())
                    .isEqualTo(!probe.get("wantErr").asBoolean() && wellFormed);
            if (ok && size2 <= 8 && hex(root2).equals(ROOTS[(int) size2])) {
                assertThat(hex(MerkleTree.consistencyProof(size1, size2, referenceNodes())))
                        .as("proof of %s", probe.get("file").asString()).isEqualTo(hex(proof));
                matchedReferenceProofs++;
            }
        }
        assertThat(matchedReferenceProofs).isGreaterThanOrEqualTo(5);
    }

    private static Map<NodeId, byte[]> referenceNodes() {
        Map<NodeId, byte[]> nodes = new HashMap<>();
        for (int level = 0; level < NODE_HASHES.length; level++) {
            for (int index = 0; index < NODE_HASHES[level].length; index++) {
                nodes.put(new NodeId(level, index), HEX.parseHex(NODE_HASHES[level][index]));
            }
        }
        return nodes;
    }

    private static List<byte[]> leafHashes(int size) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            hashes.add(LEAVES.leafHash(HEX.parseHex(LEAF_INPUTS[i])));
        }
        return hashes;
    }

    private static JsonNode probes(String kind) throws IOException {
        try (InputStream in = MerkleTreeVectorsTest.class.getResourceAsStream("/tlog/rfc9162-" + kind + "-probes.json")) {
            assertThat(in).as("probe file for " + kind).isNotNull();
            return JsonMapper.builder().build().readTree(in).get("probes");
        }
    }

    /** Go's uint64, wrapped into a long the way the JVM's two's complement does: huge values turn negative. */
    private static long uint64(JsonNode node) {
        return node.bigIntegerValue().longValue();
    }

    private static byte[] b64(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asString());
    }

    private static List<byte[]> b64List(JsonNode node) {
        List<byte[]> list = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(element -> list.add(b64(element)));
        }
        return list;
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTreeVectorsTest::hex).toList();
    }
}
