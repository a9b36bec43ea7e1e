package io.auditrail.jdbc.internal.dialect;

import io.auditrail.jdbc.dialect.UnsupportedDatabaseException;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between the supported databases: the DDL resource, the
 * idempotent insert, how UUIDs, timestamps and JSON are bound, the bounded delete, and how
 * to make a result set stream. The rest of the store is written once in portable SQL.
 */
public interface SqlDialect {

    /**
     * Short name used in resource names and messages.
     *
     * @return {@code postgresql}, {@code mysql}, {@code h2} or {@code hsqldb}
     */
    String name();

    /**
     * Whether the database runs inside this JVM, so creating the schema by default is safe.
     *
     * @return {@code true} for H2 and HSQLDB
     */
    boolean isEmbedded();

    /**
     * The insert that stores one event and silently skips an event id already stored.
     * Parameters 1 to 18 are the columns of {@link io.auditrail.jdbc.internal.query.EventColumns#INSERTED};
     * a dialect may need more, bound by {@link #bindInsertExtras}.
     *
     * @param table the audit table
     * @return the SQL
     */
    String insertSql(TableName table);

    /**
     * The insert of {@link #insertSql} that also returns the row it stored, every column of
     * {@link io.auditrail.jdbc.internal.query.EventColumns#SELECTED}, and no row when it skipped
     * an id already stored: the stored form (PostgreSQL's {@code jsonb} reorders metadata keys)
     * without a second statement.
     *
     * @param table the audit table
     * @return the SQL, or {@code null} where the database cannot return the inserted row
     */
    default @Nullable String insertReturningSql(TableName table) {
        return null;
    }

    /**
     * The statement that stores a whole batch at once, where the database has one that beats
     * a JDBC batch of {@link #insertSql}.
     *
     * @param table the audit table
     * @return the batch insert, or {@code null} to use the JDBC batch
     */
    default @Nullable BatchInsert batchInsert(TableName table) {
        return null;
    }

    /**
     * Binds the parameters after the 18 columns, if the insert has any.
     *
     * @param statement the insert
     * @param eventId the event's id
     * @throws SQLException from the driver
     */
    default void bindInsertExtras(PreparedStatement statement, UUID eventId) throws SQLException {
    }

    /**
     * Whether the driver sends the statements of one multi-statement SQL string, parameters
     * and all, to the server in a single round trip: pgjdbc splits it at the semicolons and
     * pipelines a Parse, Bind and Execute per statement before one Sync.
     *
     * @return {@code true} for PostgreSQL through pgjdbc
     */
    default boolean pipelinesStatements() {
        return false;
    }

    /**
     * A table of one row to select bound values from, for the inserts that skip an existing key
     * with {@code NOT EXISTS} on databases without an upsert.
     *
     * @return for example {@code "DUAL"}
     */
    default String oneRowTable() {
        return "DUAL";
    }

    /**
     * Placeholder for the metadata JSON parameter; a cast where the column type needs one.
     *
     * @return for example {@code "?"} or {@code "CAST(? AS jsonb)"}
     */
    default String jsonParameter() {
        return "?";
    }

    /**
     * A delete of at most {@code batchSize} rows matching {@code condition}; its last
     * parameter is the batch size.
     *
     * @param table the audit table
     * @param condition an SQL condition with {@code ?} parameters
     * @return the SQL
     */
    String boundedDeleteSql(TableName table, String condition);

    /**
     * Binds an event id.
     *
     * @param statement the statement
     * @param index parameter index
     * @param id the id
     * @throws SQLException from the driver
     */
    void bindUuid(PreparedStatement statement, int index, UUID id) throws SQLException;

    /**
     * Whether a UUID column read as a string always gives the canonical lower-case form, as a
     * native {@code uuid} type's output does; otherwise readers check the text.
     *
     * @return {@code true} when no check is needed
     */
    default boolean readsCanonicalUuidText() {
        return false;
    }

    /**
     * Binds an instant so that the database stores it as UTC with microseconds.
     *
     * @param statement the statement
     * @param index parameter index
     * @param instant the instant
     * @throws SQLException from the driver
     */
    void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException;

    /**
     * Binds an event's timestamp to the {@code occurred_at} parameter of {@link #insertSql},
     * where the column's type is known from the insert itself, so a dialect may bind it more
     * cheaply than {@link #bindTimestamp} must for any statement.
     *
     * @param statement the insert
     * @param index parameter index
     * @param instant the event's timestamp, with at most microseconds
     * @throws SQLException from the driver
     */
    default void bindInsertedTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        bindTimestamp(statement, index, instant);
    }

    /**
     * Reads an instant written by {@link #bindTimestamp}.
     *
     * @param resultSet the row
     * @param column column label
     * @return the instant
     * @throws SQLException from the driver
     */
    Instant readTimestamp(ResultSet resultSet, String column) throws SQLException;

    /**
     * Reads an instant written by {@link #bindTimestamp} by column index, for a loop over many
     * rows that located its columns once.
     *
     * @param resultSet the row
     * @param column column index
     * @return the instant
     * @throws SQLException from the driver
     */
    Instant readTimestamp(ResultSet resultSet, int column) throws SQLException;

    /**
     * Prepares a connection so that a large query streams instead of being read into memory.
     *
     * @param connection a connection this store borrowed
     * @return whether the caller must restore auto-commit afterwards
     * @throws SQLException from the driver
     */
    default boolean prepareForStreaming(Connection connection) throws SQLException {
        return false;
    }

    /**
     * The dialect of a database product.
     *
     * @param productName as reported by {@link DatabaseMetaData#getDatabaseProductName()}
     * @return the dialect
     * @throws UnsupportedDatabaseException for any database other than PostgreSQL, MySQL, MariaDB, H2 and HSQLDB
     */
    static SqlDialect forProductName(String productName) {
        return forDatabase(productName, null);
    }

    /**
     * The dialect of a database product reached through a driver.
     *
     * @param productName as reported by {@link DatabaseMetaData#getDatabaseProductName()}
     * @param driverName as reported by {@link DatabaseMetaData#getDriverName()}, or {@code null} if unknown
     * @return the dialect
     * @throws UnsupportedDatabaseException for any database other than PostgreSQL, MySQL, MariaDB, H2 and HSQLDB
     */
    static SqlDialect forDatabase(String productName, @Nullable String driverName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return new PostgresDialect(PostgresDialect.PGJDBC_DRIVER_NAME.equals(driverName));
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return new MySqlDialect();
        }
        if (name.equals("h2")) {
            return new H2Dialect();
        }
        if (name.startsWith("hsql")) {
            return new HsqlDialect();
        }
        throw new UnsupportedDatabaseException(productName);
    }

    /**
     * The dialect of the database behind a connection.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException when the metadata cannot be read
     */
    static SqlDialect detect(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return forDatabase(metaData.getDatabaseProductName(), metaData.getDriverName());
    }
}
