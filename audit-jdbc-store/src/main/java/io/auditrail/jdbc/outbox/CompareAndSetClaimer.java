package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For databases without {@code SKIP LOCKED}: reads due rows without locking them, then leases
 * each with an update that only matches while the row is still due. A competing claimer's
 * lease moves the row's due time past {@code now}, so exactly one update wins; each runs in
 * its own transaction, so claimers never hold a lock while waiting for another.
 */
final class CompareAndSetClaimer extends Claimer {

    CompareAndSetClaimer(OutboxSql sql, SqlDialect dialect) {
        super(sql, dialect);
    }

    @Override
    List<ClaimedRow> claim(Connection connection, String destination, String owner, int limit, Instant now,
            Instant leaseUntil) throws SQLException {
        // Each statement is its own transaction: in auto-commit mode that costs no extra round trips.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        List<ClaimedRow> won;
        try (PreparedStatement select = connection.prepareStatement(sql.selectDue);
                PreparedStatement lease = connection.prepareStatement(sql.leaseIfStillDue)) {
            List<ClaimedRow> candidates = selectDue(select, destination, limit, now);
            won = new ArrayList<>(candidates.size());
            for (ClaimedRow row : candidates) {
                bindLease(lease, owner, leaseUntil, row.seq());
                dialect.bindTimestamp(lease, 4, now);
                if (lease.executeUpdate() == 1) {
                    won.add(row);
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return won;
    }
}
