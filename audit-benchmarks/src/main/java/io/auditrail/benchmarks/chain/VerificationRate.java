package io.auditrail.benchmarks.chain;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.core.tlog.LogVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A full {@code JdbcAuditChain.verify} of one organisation's tree (every event re-hashed against
 * its leaf, the tree recomputed against the signed checkpoints, every stored node against its
 * children, every row checked for a leaf), beside a raw streaming {@code SELECT} of the same
 * event rows, each column read as a string: what reading them costs before any checking.
 */
final class VerificationRate {

    /** Rows per second over the passes. */
    record Result(long rows, Spread verifyRate, Spread rawRate, Spread ratio) {
    }

    private static final String COLUMNS = "seq, event_id, occurred_at, organization_id, actor_id, actor_name,"
            + " actor_email, actor_type, action, resource_type, resource_id, resource_name, outcome, error_type,"
            + " error_message, ip, user_agent, request_id, metadata";

    private final HikariDataSource pool;
    private final BenchLog log;
    private final String organizationId;
    private final int fetchSize;

    VerificationRate(HikariDataSource pool, BenchLog log, String organizationId, int fetchSize) {
        this.pool = pool;
        this.log = log;
        this.organizationId = organizationId;
        this.fetchSize = fetchSize;
    }

    Result measure(int passes) throws SQLException {
        List<Double> verify = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        long rows = 0;
        for (int p = 1; p <= passes; p++) {
            long start = System.nanoTime();
            long read = rawSelect();
            double rawRate = read / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            LogVerification outcome = log.chain().verify(organizationId, null, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!outcome.intact() || outcome.leavesChecked() != read) {
                throw new IllegalStateException("verification of " + read + " rows gave " + outcome);
            }
            rows = read;
            verify.add(read / seconds);
            raw.add(rawRate);
            ratio.add(read / seconds / rawRate);
            System.out.printf(Locale.ROOT, "  verify pass %d: %,d events verified in %.1f s = %,.0f rows/s; raw SELECT"
                    + " %,.0f rows/s; ratio %.2f; load %s%n", p, read, seconds, read / seconds, rawRate,
                    read / seconds / rawRate, LogBenchmarks.loadAverage());
        }
        return new Result(rows, Spread.of(verify), Spread.of(raw), Spread.of(ratio));
    }

    private long rawSelect() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                    + log.table() + " WHERE organization_id = ? ORDER BY seq")) {
                statement.setFetchSize(fetchSize);
                statement.setString(1, organizationId);
                long rows = 0;
                try (ResultSet row = statement.executeQuery()) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int c = 1; c <= columns; c++) {
                            row.getString(c);
                        }
                        rows++;
                    }
                }
                return rows;
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }
}
