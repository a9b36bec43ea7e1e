package io.auditrail.jdbc.internal.dialect;

import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.schema.TableName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * MySQL and MariaDB. Timestamps live in {@code DATETIME(6)} holding UTC wall-clock time:
 * {@code TIMESTAMP} would be converted through the session time zone and ends in 2038.
 */
final class MySqlDialect implements SqlDialect {

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    @Override
    public String insertSql(TableName table) {
        // A no-op update on the unique key skips duplicates; unlike INSERT IGNORE it still
        // reports every other error (too long, NULL in a NOT NULL column, bad JSON).
        return "INSERT INTO " + table.qualified() + " (" + EventColumns.INSERTED + ") VALUES ("
                + EventColumns.insertParameters(jsonParameter()) + ") ON DUPLICATE KEY UPDATE event_id = event_id";
    }

    @Override
    public String boundedDeleteSql(TableName table, String condition) {
        return "DELETE FROM " + table.qualified() + " WHERE " + condition + " LIMIT ?";
    }

    @Override
    public void bindUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
        statement.setString(index, id.toString());
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant readTimestamp(ResultSet resultSet, String column) throws SQLException {
        LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public Instant readTimestamp(ResultSet resultSet, int column) throws SQLException {
        LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
