package io.auditrail.jdbc.internal.dialect;

import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.schema.TableName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * H2 in its default mode, which has neither {@code ON CONFLICT} nor {@code ON DUPLICATE KEY}.
 * HSQLDB inserts, binds and reads the same way and differs only where {@link HsqlDialect} says.
 */
class H2Dialect implements SqlDialect {

    private static final int INSERTED_COLUMN_COUNT = 18;

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    @Override
    public String insertSql(TableName table) {
        // Batch statements run in order in one transaction, so a duplicate later in the same
        // batch sees the earlier row; the unique constraint still guards concurrent writers.
        return "INSERT INTO " + table.qualified() + " (" + EventColumns.INSERTED + ") SELECT "
                + EventColumns.insertParameters(jsonParameter()) + " FROM " + oneRowTable() + " WHERE NOT EXISTS (SELECT 1 FROM "
                + table.qualified() + " WHERE event_id = ?)";
    }

    @Override
    public void bindInsertExtras(PreparedStatement statement, UUID eventId) throws SQLException {
        bindUuid(statement, INSERTED_COLUMN_COUNT + 1, eventId);
    }

    @Override
    public String boundedDeleteSql(TableName table, String condition) {
        return "DELETE FROM " + table.qualified() + " WHERE " + condition + " FETCH FIRST ? ROWS ONLY";
    }

    @Override
    public void bindUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
        statement.setObject(index, id);
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        OffsetTimestamps.bind(statement, index, instant);
    }

    @Override
    public Instant readTimestamp(ResultSet resultSet, String column) throws SQLException {
        return OffsetTimestamps.read(resultSet, column);
    }

    @Override
    public Instant readTimestamp(ResultSet resultSet, int column) throws SQLException {
        return OffsetTimestamps.read(resultSet, column);
    }
}
