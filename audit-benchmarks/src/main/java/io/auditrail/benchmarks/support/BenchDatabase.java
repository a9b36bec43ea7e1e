package io.auditrail.benchmarks.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the benchmarks run against, named by the environment so that JMH forks and
 * child JVMs find it without extra arguments: {@code AUDITRAIL_BENCH_URL},
 * {@code AUDITRAIL_BENCH_USER} and {@code AUDITRAIL_BENCH_PASSWORD}.
 */
public record BenchDatabase(String url, String user, String password) {

    /**
     * Reads the connection settings from the environment.
     *
     * @return the settings
     * @throws IllegalStateException when the URL is not set
     */
    public static BenchDatabase fromEnvironment() {
        String url = System.getenv("AUDITRAIL_BENCH_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("AUDITRAIL_BENCH_URL is not set; run audit-benchmarks/run-store-benchmarks.sh");
        }
        return new BenchDatabase(url, System.getenv("AUDITRAIL_BENCH_USER"), System.getenv("AUDITRAIL_BENCH_PASSWORD"));
    }

    /**
     * A pool, as an application would put in front of the store.
     *
     * @param size most connections
     * @return a started pool; the caller closes it
     */
    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    /**
     * An unpooled connection for set-up work outside the timed sections.
     *
     * @return a new connection in auto-commit mode
     * @throws SQLException when the database cannot be reached
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Runs one statement on a fresh connection.
     *
     * @param sql the statement
     * @throws SQLException when it fails
     */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
