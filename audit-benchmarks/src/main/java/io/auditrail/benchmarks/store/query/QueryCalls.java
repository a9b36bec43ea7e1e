package io.auditrail.benchmarks.store.query;

import io.auditrail.core.store.AuditPage;
import io.auditrail.jdbc.JdbcAuditStore;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Every call the read benchmarks time, shared by the interleaved harness and the JMH
 * benchmark: each store page, the same SQL by hand with its total, and the page and the
 * total alone.
 */
final class QueryCalls {

    private final DataSource pool;
    private final JdbcAuditStore store;

    QueryCalls(DataSource pool, JdbcAuditStore store) {
        this.pool = pool;
        this.store = store;
    }

    AuditPage storeFirstPage(QueryScenario scenario) {
        return store.query(scenario.firstPage);
    }

    AuditPage storeOffsetPage(QueryScenario scenario) {
        return store.query(scenario.offsetPage);
    }

    AuditPage storeCursorPage(QueryScenario scenario) {
        return store.query(scenario.cursorPage);
    }

    AuditPage storeCursorPageWithoutTotal(QueryScenario scenario) {
        return store.query(scenario.cursorPage.withoutTotal());
    }

    int rawFirstPageWithTotal(QueryScenario scenario) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return RawPageQueries.firstPage(connection, scenario) + RawPageQueries.rangeTotal(connection, scenario);
        }
    }

    int rawOffsetPageWithTotal(QueryScenario scenario) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return RawPageQueries.offsetPage(connection, scenario)
                    + RawPageQueries.organizationTotal(connection, scenario);
        }
    }

    int rawCursorPageWithTotal(QueryScenario scenario) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return RawPageQueries.cursorPage(connection, scenario)
                    + RawPageQueries.organizationTotal(connection, scenario);
        }
    }

    int rawOffsetPageOnly(QueryScenario scenario) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return RawPageQueries.offsetPage(connection, scenario);
        }
    }

    int rawCursorPageOnly(QueryScenario scenario) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return RawPageQueries.cursorPage(connection, scenario);
        }
    }

    int rawOrganizationTotalOnly(QueryScenario scenario) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return RawPageQueries.organizationTotal(connection, scenario);
        }
    }
}
