package io.auditrail.benchmarks.store.query;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.core.store.AuditPage;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.schema.SchemaInitMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Latency of one page through the store and through hand-written JDBC, sampled per call so
 * that JMH reports percentiles. Each call moves to the next organisation, so the ten
 * organisations share the load as they would in a multi-tenant application. Run by
 * {@link QueryBenchmarkRunner}, which sets iterations and forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryLatencyBenchmark {

    private HikariDataSource pool;
    private JdbcAuditStore store;
    private final List<QueryScenario> scenarios = new ArrayList<>();
    private int next;

    /**
     * Connects and finds each organisation's deep cursor.
     *
     * @throws SQLException when the data set cannot be read
     */
    @Setup(Level.Trial)
    public void connect() throws SQLException {
        pool = BenchDatabase.fromEnvironment().pool(2);
        store = JdbcAuditStore.builder(pool).tableName(QueryDataset.TABLE).initializeSchema(SchemaInitMode.NEVER)
                .build();
        try (Connection connection = pool.getConnection()) {
            for (int i = 0; i < QueryDataset.ORGANIZATIONS; i++) {
                scenarios.add(QueryScenario.load(connection, QueryDataset.organization(i)));
            }
        }
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void disconnect() {
        pool.close();
    }

    /**
     * Store: organisation + 30-day range, first page with its total.
     *
     * @return the page
     */
    @Benchmark
    public AuditPage storeFirstPage() {
        return store.query(scenario().firstPage);
    }

    /**
     * Store: the page 50,000 rows deep by offset, with the organisation's total.
     *
     * @return the page
     */
    @Benchmark
    public AuditPage storeOffsetPage() {
        return store.query(scenario().offsetPage);
    }

    /**
     * Store: the same page by keyset cursor, with the organisation's total.
     *
     * @return the page
     */
    @Benchmark
    public AuditPage storeCursorPage() {
        return store.query(scenario().cursorPage);
    }

    /**
     * Raw JDBC: the first-page SQL and its count.
     *
     * @param sink consumes every value read
     * @throws SQLException from the driver
     */
    @Benchmark
    public void rawFirstPageWithTotal(Blackhole sink) throws SQLException {
        QueryScenario scenario = scenario();
        try (Connection connection = pool.getConnection()) {
            RawPageQueries.firstPage(connection, scenario, sink);
            RawPageQueries.rangeTotal(connection, scenario, sink);
        }
    }

    /**
     * Raw JDBC: the offset page and the organisation's count.
     *
     * @param sink consumes every value read
     * @throws SQLException from the driver
     */
    @Benchmark
    public void rawOffsetPageWithTotal(Blackhole sink) throws SQLException {
        QueryScenario scenario = scenario();
        try (Connection connection = pool.getConnection()) {
            RawPageQueries.offsetPage(connection, scenario, sink);
            RawPageQueries.organizationTotal(connection, scenario, sink);
        }
    }

    /**
     * Raw JDBC: the cursor page and the organisation's count.
     *
     * @param sink consumes every value read
     * @throws SQLException from the driver
     */
    @Benchmark
    public void rawCursorPageWithTotal(Blackhole sink) throws SQLException {
        QueryScenario scenario = scenario();
        try (Connection connection = pool.getConnection()) {
            RawPageQueries.cursorPage(connection, scenario, sink);
            RawPageQueries.organizationTotal(connection, scenario, sink);
        }
    }

    /**
     * Raw JDBC: the offset page alone, to separate the page from its total.
     *
     * @param sink consumes every value read
     * @throws SQLException from the driver
     */
    @Benchmark
    public void rawOffsetPageOnly(Blackhole sink) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            RawPageQueries.offsetPage(connection, scenario(), sink);
        }
    }

    /**
     * Raw JDBC: the cursor page alone, to separate the page from its total.
     *
     * @param sink consumes every value read
     * @throws SQLException from the driver
     */
    @Benchmark
    public void rawCursorPageOnly(Blackhole sink) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            RawPageQueries.cursorPage(connection, scenario(), sink);
        }
    }

    /**
     * Raw JDBC: an organisation's total alone, the count the store adds to every deep page.
     *
     * @param sink consumes every value read
     * @throws SQLException from the driver
     */
    @Benchmark
    public void rawOrganizationTotalOnly(Blackhole sink) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            RawPageQueries.organizationTotal(connection, scenario(), sink);
        }
    }

    private QueryScenario scenario() {
        next = (next + 1) % scenarios.size();
        return scenarios.get(next);
    }
}
