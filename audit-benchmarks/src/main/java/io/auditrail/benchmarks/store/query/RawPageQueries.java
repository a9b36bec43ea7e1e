package io.auditrail.benchmarks.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Baseline: the SQL the store runs for each page shape, written by hand and read with
 * {@code getString} per column, with the {@code COUNT(*)} for the total as a separate step
 * so the two costs can be told apart. Each returns the number of characters read, so the
 * values are really fetched and nothing can be optimised away.
 */
final class RawPageQueries {

    private static final String COLUMNS = "seq, event_id, occurred_at, organization_id, actor_id, actor_name,"
            + " actor_email, actor_type, action, resource_type, resource_id, resource_name, outcome, error_type,"
            + " error_message, ip, user_agent, request_id, metadata";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + QueryDataset.TABLE;
    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, seq DESC";

    private RawPageQueries() {
    }

    static int firstPage(Connection connection, QueryScenario scenario) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT
                + " WHERE organization_id = ? AND occurred_at >= ? AND occurred_at <= ?" + NEWEST_FIRST + " LIMIT ?")) {
            statement.setString(1, scenario.organization);
            statement.setObject(2, OffsetDateTime.ofInstant(QueryScenario.RANGE_START, ZoneOffset.UTC));
            statement.setObject(3, OffsetDateTime.ofInstant(QueryScenario.RANGE_END, ZoneOffset.UTC));
            statement.setInt(4, QueryScenario.PAGE_SIZE + 1);
            return consume(statement);
        }
    }

    static int rangeTotal(Connection connection, QueryScenario scenario) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + QueryDataset.TABLE
                + " WHERE organization_id = ? AND occurred_at >= ? AND occurred_at <= ?")) {
            statement.setString(1, scenario.organization);
            statement.setObject(2, OffsetDateTime.ofInstant(QueryScenario.RANGE_START, ZoneOffset.UTC));
            statement.setObject(3, OffsetDateTime.ofInstant(QueryScenario.RANGE_END, ZoneOffset.UTC));
            return consume(statement);
        }
    }

    static int offsetPage(Connection connection, QueryScenario scenario) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT
                + " WHERE organization_id = ?" + NEWEST_FIRST + " LIMIT ? OFFSET ?")) {
            statement.setString(1, scenario.organization);
            statement.setInt(2, QueryScenario.PAGE_SIZE + 1);
            statement.setInt(3, QueryScenario.DEPTH);
            return consume(statement);
        }
    }

    static int cursorPage(Connection connection, QueryScenario scenario) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(scenario.cursor.timestamp(), ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement(SELECT
                + " WHERE organization_id = ? AND occurred_at <= ? AND (occurred_at < ? OR (occurred_at = ? AND seq < ?))"
                + NEWEST_FIRST + " LIMIT ?")) {
            statement.setString(1, scenario.organization);
            statement.setObject(2, at);
            statement.setObject(3, at);
            statement.setObject(4, at);
            statement.setLong(5, scenario.cursor.sequence());
            statement.setInt(6, QueryScenario.PAGE_SIZE + 1);
            return consume(statement);
        }
    }

    static int organizationTotal(Connection connection, QueryScenario scenario) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + QueryDataset.TABLE
                + " WHERE organization_id = ?")) {
            statement.setString(1, scenario.organization);
            return consume(statement);
        }
    }

    private static int consume(PreparedStatement statement) throws SQLException {
        int characters = 0;
        try (ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    characters += value == null ? 0 : value.length();
                }
            }
        }
        return characters;
    }
}
