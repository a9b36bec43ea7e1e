package io.auditrail.benchmarks.store.query;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool, a store on the read table and one {@link QueryScenario} per organisation; handing
 * out the organisations in turn, as a multi-tenant application would meet them.
 */
final class QueryFixture implements AutoCloseable {

    private final HikariDataSource pool;
    private final QueryCalls calls;
    private final List<QueryScenario> scenarios = new ArrayList<>();
    private int next;

    QueryFixture(BenchDatabase database) throws SQLException {
        pool = database.pool(2);
        JdbcAuditStore store = JdbcAuditStore.builder(pool).tableName(QueryDataset.TABLE)
                .initializeSchema(InitializeSchema.NEVER).build();
        calls = new QueryCalls(pool, store);
        try (Connection connection = pool.getConnection()) {
            for (int i = 0; i < QueryDataset.ORGANIZATIONS; i++) {
                scenarios.add(QueryScenario.load(connection, QueryDataset.organization(i)));
            }
        }
    }

    QueryCalls calls() {
        return calls;
    }

    QueryScenario nextScenario() {
        next = (next + 1) % scenarios.size();
        return scenarios.get(next);
    }

    @Override
    public void close() {
        pool.close();
    }
}
