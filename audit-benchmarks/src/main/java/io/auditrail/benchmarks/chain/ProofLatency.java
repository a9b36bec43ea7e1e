package io.auditrail.benchmarks.chain;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.jdbc.chain.InclusionProof;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Inclusion proofs of random events of one large tree through {@code JdbcAuditChain.inclusionProof}
 * (the event's leaf, the newest checkpoint, the proof's nodes, the signed note parsed), beside
 * the bare primary-key {@code SELECT} of the same node rows on a pooled connection. Every proof is
 * checked against the checkpoint's root, outside the timing.
 */
final class ProofLatency {

    /** Latency percentiles over the passes, in milliseconds. */
    record Result(Spread proofP50, Spread proofP95, Spread proofP99, Spread bareP50, Spread bareP95, Spread ratioP95) {
    }

    private record Sample(UUID eventId, long leafIndex) {
    }

    private final HikariDataSource pool;
    private final BenchLog log;
    private final String organizationId;
    private final long treeSize;

    ProofLatency(HikariDataSource pool, BenchLog log, String organizationId, long treeSize) {
        this.pool = pool;
        this.log = log;
        this.organizationId = organizationId;
        this.treeSize = treeSize;
    }

    Result measure(int passes, int samples, int warmUp) throws SQLException {
        Random random = new Random(20261207L);
        measurePass(samples(random, warmUp));
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> bare50 = new ArrayList<>();
        List<Double> bare95 = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int p = 1; p <= passes; p++) {
            double[][] timings = measurePass(samples(random, samples));
            double[] proof = timings[0];
            double[] bare = timings[1];
            p50.add(percentile(proof, 50));
            p95.add(percentile(proof, 95));
            p99.add(percentile(proof, 99));
            bare50.add(percentile(bare, 50));
            bare95.add(percentile(bare, 95));
            ratio.add(percentile(proof, 95) / percentile(bare, 95));
            System.out.printf(Locale.ROOT, "  proof pass %d: %,d proofs at %,d leaves: p50 %.2f ms, p95 %.2f ms,"
                    + " p99 %.2f ms; bare node SELECT p50 %.2f ms, p95 %.2f ms; load %s%n", p, samples, treeSize,
                    percentile(proof, 50), percentile(proof, 95), percentile(proof, 99), percentile(bare, 50),
                    percentile(bare, 95), LogBenchmarks.loadAverage());
        }
        return new Result(Spread.of(p50), Spread.of(p95), Spread.of(p99), Spread.of(bare50), Spread.of(bare95),
                Spread.of(ratio));
    }

    /** Alternates proof and bare SELECT per sample, so that both see the same machine. */
    private double[][] measurePass(List<Sample> samples) throws SQLException {
        double[] proof = new double[samples.size()];
        double[] bare = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            long start = System.nanoTime();
            InclusionProof result = log.chain().inclusionProof(sample.eventId());
            proof[i] = (System.nanoTime() - start) / 1e6;
            check(sample, result);
            start = System.nanoTime();
            int rows = bareSelect(sample.leafIndex());
            bare[i] = (System.nanoTime() - start) / 1e6;
            if (rows == 0) {
                throw new IllegalStateException("no node rows for leaf " + sample.leafIndex());
            }
        }
        return new double[][] {proof, bare};
    }

    private void check(Sample sample, InclusionProof proof) {
        if (proof == null || proof.leafIndex() != sample.leafIndex() || proof.treeSize() != treeSize
                || !MerkleTree.verifyInclusion(proof.leafIndex(), proof.treeSize(), proof.leafHash(), proof.path(),
                        proof.checkpoint().checkpoint().rootHash())) {
            throw new IllegalStateException("the inclusion proof of leaf " + sample.leafIndex() + " does not verify");
        }
    }

    /** The proof's node rows and the leaf's, by primary key, in one statement. */
    private int bareSelect(long leafIndex) throws SQLException {
        Set<NodeId> ids = new LinkedHashSet<>(MerkleTree.inclusionNodes(leafIndex, treeSize));
        ids.add(new NodeId(0, leafIndex));
        StringBuilder sql = new StringBuilder("SELECT node_level, node_index, hash FROM ").append(log.nodes())
                .append(" WHERE organization_key = ? AND (");
        int n = 0;
        for (NodeId ignored : ids) {
            sql.append(n++ == 0 ? "" : " OR ").append("(node_level = ? AND node_index = ?)");
        }
        sql.append(')');
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            statement.setString(parameter++, organizationId);
            for (NodeId id : ids) {
                statement.setInt(parameter++, id.level());
                statement.setLong(parameter++, id.index());
            }
            int rows = 0;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    row.getString(3);
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Random leaves of the tree, with their events' ids. */
    private List<Sample> samples(Random random, int count) throws SQLException {
        Long[] indexes = new Long[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = (long) (random.nextDouble() * treeSize);
        }
        List<Sample> found = new ArrayList<>(count);
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT e.event_id, l.leaf_index FROM " + log.leaves() + " l JOIN " + log.table()
                        + " e ON e.seq = l.event_seq WHERE l.organization_key = ? AND l.leaf_index = ANY (?)")) {
            statement.setString(1, organizationId);
            statement.setArray(2, connection.createArrayOf("bigint", indexes));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Sample(row.getObject(1, UUID.class), row.getLong(2)));
                }
            }
        }
        Collections.shuffle(found, random);
        return found;
    }

    private static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
