package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Leases due rows so that no two claimers get the same row. */
abstract class Claimer {

    final OutboxSql sql;
    final SqlDialect dialect;

    Claimer(OutboxSql sql, SqlDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /**
     * Leases up to {@code limit} due rows.
     *
     * @param connection a connection this claimer owns for the call, in auto-commit mode or not
     * @return the leased rows, in due order
     */
    abstract List<ClaimedRow> claim(Connection connection, String destination, String owner, int limit, Instant now,
            Instant leaseUntil) throws SQLException;

    List<ClaimedRow> selectDue(PreparedStatement statement, String destination, int limit, Instant now)
            throws SQLException {
        statement.setString(1, destination);
        dialect.bindTimestamp(statement, 2, now);
        statement.setInt(3, limit);
        List<ClaimedRow> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                rows.add(new ClaimedRow(resultSet.getLong("seq"), resultSet.getString("payload"),
                        resultSet.getInt("attempts")));
            }
        }
        return rows;
    }

    void bindLease(PreparedStatement statement, String owner, Instant leaseUntil, long seq) throws SQLException {
        statement.setString(1, owner);
        dialect.bindTimestamp(statement, 2, leaseUntil);
        statement.setLong(3, seq);
    }
}
