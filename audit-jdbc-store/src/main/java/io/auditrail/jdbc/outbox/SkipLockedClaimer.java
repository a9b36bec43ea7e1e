package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.write.OwnTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Locks due rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers pass over each
 * other's rows instead of waiting, and leases them in the same short transaction.
 */
final class SkipLockedClaimer extends Claimer {

    SkipLockedClaimer(OutboxSql sql, SqlDialect dialect) {
        super(sql, dialect);
    }

    @Override
    List<ClaimedRow> claim(Connection connection, String destination, String owner, int limit, Instant now,
            Instant leaseUntil) throws SQLException {
        return OwnTransaction.run(connection, c -> {
            List<ClaimedRow> rows;
            try (PreparedStatement select = c.prepareStatement(sql.selectDueSkipLocked)) {
                rows = selectDue(select, destination, limit, now);
            }
            if (rows.isEmpty()) {
                return rows;
            }
            try (PreparedStatement lease = c.prepareStatement(sql.lease)) {
                for (ClaimedRow row : rows) {
                    bindLease(lease, owner, leaseUntil, row.seq());
                    lease.addBatch();
                }
                lease.executeBatch();
            }
            return rows;
        });
    }
}
