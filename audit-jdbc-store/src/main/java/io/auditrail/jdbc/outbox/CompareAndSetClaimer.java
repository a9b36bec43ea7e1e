package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.write.OwnTransaction;
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

    CompareAndSetClaimer(OutboxSql sql, TimeBinder time) {
        super(sql, time);
    }

    @Override
    List<ClaimedRow> claim(Connection connection, String destination, String owner, int limit, Instant now,
            Instant leaseUntil) throws SQLException {
        List<ClaimedRow> candidates = OwnTransaction.run(connection, c -> {
            try (PreparedStatement select = c.prepareStatement(sql.selectDue)) {
                return selectDue(select, destination, limit, now);
            }
        });
        List<ClaimedRow> won = new ArrayList<>(candidates.size());
        try (PreparedStatement lease = connection.prepareStatement(sql.leaseIfStillDue)) {
            for (ClaimedRow row : candidates) {
                boolean leased = OwnTransaction.run(connection, c -> {
                    bindLease(lease, owner, leaseUntil, row.seq());
                    time.bind(lease, 4, now);
                    return lease.executeUpdate() == 1;
                });
                if (leased) {
                    won.add(row);
                }
            }
        }
        return won;
    }
}
