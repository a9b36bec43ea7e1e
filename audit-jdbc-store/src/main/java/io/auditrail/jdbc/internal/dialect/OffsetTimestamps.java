package io.auditrail.jdbc.internal.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps for {@code TIMESTAMP WITH TIME ZONE} columns. {@code OffsetDateTime} is the JDBC
 * 4.2 type for them and, unlike {@code java.sql.Timestamp}, never passes through the JVM's
 * default time zone, so a value reads back as the same instant on any server setting.
 */
final class OffsetTimestamps {

    private OffsetTimestamps() {
    }

    static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant read(ResultSet resultSet, String column) throws SQLException {
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant read(ResultSet resultSet, int column) throws SQLException {
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
