package io.auditrail.jdbc.internal.query;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SQL text and the values for its {@code ?} parameters, in order. User input only ever
 * travels in {@link #parameters()}, never in the text.
 *
 * @param sql SQL with {@code ?} placeholders
 * @param parameters {@code String}, {@code Long}, {@code Integer}, {@code Instant} or {@code UUID} values
 */
public record BoundSql(String sql, List<Object> parameters) {

    /** Copies the parameters. */
    public BoundSql {
        parameters = List.copyOf(parameters);
    }

    /**
     * Binds the parameters to a statement prepared from {@link #sql()}.
     *
     * @param statement the statement
     * @param dialect binds instants and UUIDs the database's way
     * @return the index of the last parameter bound
     * @throws SQLException from the driver
     */
    public int bind(PreparedStatement statement, SqlDialect dialect) throws SQLException {
        int index = 0;
        for (Object value : parameters) {
            index++;
            if (value instanceof Instant instant) {
                dialect.bindTimestamp(statement, index, instant);
            } else if (value instanceof UUID uuid) {
                dialect.bindUuid(statement, index, uuid);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else {
                statement.setString(index, (String) value);
            }
        }
        return index;
    }
}
