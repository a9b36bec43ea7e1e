package io.auditrail.jdbc.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when the audit trail runs on a database that does not keep its commits: an embedded H2
 * file database with a write delay (H2's default is 500 ms) returns from a commit before
 * writing it, so a process crash loses the last commits, the business rows and their audit
 * events or outbox entries together. The Spring Boot starter and the Micronaut module run this
 * check at start-up for the JDBC sink and the outbox.
 */
public final class H2WriteDelayCheck {

    private static final Logger log = LoggerFactory.getLogger(H2WriteDelayCheck.class);
    private static final String PREFIX = "jdbc:h2:";

    private H2WriteDelayCheck() {
    }

    /**
     * Logs a warning when the data source is an embedded H2 file database that delays writes.
     *
     * @param dataSource the application's data source
     * @param usedFor what relies on it, for example {@code "outbox"} or {@code "JDBC sink"}
     */
    public static void warnIfDelayed(DataSource dataSource, String usedFor) {
        warning(dataSource, usedFor).ifPresent(log::warn);
    }

    /**
     * The warning for a data source, if it needs one.
     *
     * @param dataSource the application's data source
     * @param usedFor what relies on it
     * @return the warning, or empty when the database keeps its commits or is not an embedded H2 file
     */
    public static Optional<String> warning(DataSource dataSource, String usedFor) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String url = metaData.getURL();
            if (!"H2".equals(metaData.getDatabaseProductName()) || url == null || !embeddedFile(url)) {
                return Optional.empty();
            }
            int delay = writeDelay(connection);
            if (delay <= 0) {
                return Optional.empty();
            }
            // Settings after ';' may hold a password; the path is enough to find the database.
            String database = url.indexOf(';') < 0 ? url : url.substring(0, url.indexOf(';'));
            return Optional.of("Auditrail's " + usedFor + " runs on the H2 file database " + database + ", which writes "
                    + "a commit up to " + delay + " ms after it returns (WRITE_DELAY): if the process is killed, the "
                    + "last commits are lost with their audit events. Add ;WRITE_DELAY=0 to the JDBC URL, or use "
                    + "PostgreSQL or MariaDB.");
        } catch (SQLException | RuntimeException e) {
            log.debug("Cannot tell whether the database keeps its commits", e);
            return Optional.empty();
        }
    }

    /** A database this process opens from a file; in-memory and server databases are not. */
    private static boolean embeddedFile(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PREFIX)) {
            return false;
        }
        String rest = lower.substring(PREFIX.length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    private static int writeDelay(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
                ResultSet resultSet = statement.executeQuery()) {
            return resultSet.next() ? Integer.parseInt(resultSet.getString(1).trim()) : 0;
        }
    }
}
