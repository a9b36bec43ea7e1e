package io.auditrail.jdbc.internal.dialect;

import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/** PostgreSQL: native {@code uuid}, {@code timestamptz} and {@code jsonb}. */
final class PostgresDialect implements SqlDialect {

    /** COPY goes through pgjdbc's own API; another driver gets the plain insert. */
    private static final boolean PGJDBC_ON_CLASS_PATH = pgjdbcPresent();

    /** What pgjdbc reports as its {@code DatabaseMetaData.getDriverName()}. */
    static final String PGJDBC_DRIVER_NAME = "PostgreSQL JDBC Driver";

    /** The years {@link AuditEventCodec#formatTimestamp} writes as four plain digits that PostgreSQL reads. */
    private static final Instant FIRST_PLAIN_YEAR = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_PLAIN_YEARS = Instant.parse("+10000-01-01T00:00:00Z");

    private final boolean pgjdbc;

    /**
     * @param pgjdbc whether the driver is pgjdbc, which pipelines multi-statement strings; another
     *        driver for PostgreSQL may send them otherwise or refuse them
     */
    PostgresDialect(boolean pgjdbc) {
        this.pgjdbc = pgjdbc;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    @Override
    public String insertSql(TableName table) {
        return "INSERT INTO " + table.qualified() + " (" + EventColumns.INSERTED + ") VALUES ("
                + EventColumns.insertParameters(jsonParameter()) + ") ON CONFLICT (event_id) DO NOTHING";
    }

    @Override
    public String insertReturningSql(TableName table) {
        return insertSql(table) + " RETURNING " + EventColumns.SELECTED;
    }

    @Override
    public boolean pipelinesStatements() {
        return pgjdbc;
    }

    @Override
    public BatchInsert batchInsert(TableName table) {
        BatchInsert idempotent = new PostgresArrayInsert(table);
        return PGJDBC_ON_CLASS_PATH ? new PostgresCopyInsert(table, idempotent) : idempotent;
    }

    @Override
    public String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public String boundedDeleteSql(TableName table, String condition) {
        // PostgreSQL has no DELETE ... LIMIT; the sub-select walks the time index and stops early.
        return "DELETE FROM " + table.qualified() + " WHERE seq IN (SELECT seq FROM " + table.qualified()
                + " WHERE " + condition + " LIMIT ?)";
    }

    @Override
    public void bindUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
        statement.setObject(index, id);
    }

    /** PostgreSQL's {@code uuid} output function writes only the canonical form. */
    @Override
    public boolean readsCanonicalUuidText() {
        return true;
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        OffsetTimestamps.bind(statement, index, instant);
    }

    /**
     * pgjdbc formats an {@code OffsetDateTime} through a {@code TimestampUtils} that each new
     * statement builds, calendars and all: the largest single cost of binding an event. The
     * store's own ISO text, sent untyped, lets the server parse it as the column's
     * {@code timestamptz}; with its explicit {@code Z} it means the same instant under any
     * {@code TimeZone} or {@code DateStyle}. Years the text cannot carry keep the driver's way.
     */
    @Override
    public void bindInsertedTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (pgjdbc && !instant.isBefore(FIRST_PLAIN_YEAR) && instant.isBefore(AFTER_PLAIN_YEARS)) {
            statement.setObject(index, AuditEventCodec.formatTimestamp(instant), Types.OTHER);
        } else {
            bindTimestamp(statement, index, instant);
        }
    }

    @Override
    public Instant readTimestamp(ResultSet resultSet, String column) throws SQLException {
        return OffsetTimestamps.read(resultSet, column);
    }

    @Override
    public Instant readTimestamp(ResultSet resultSet, int column) throws SQLException {
        return OffsetTimestamps.read(resultSet, column);
    }

    @Override
    public boolean prepareForStreaming(Connection connection) throws SQLException {
        // pgjdbc honours the fetch size only inside a transaction; otherwise it reads the whole result.
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            return true;
        }
        return false;
    }

    private static boolean pgjdbcPresent() {
        try {
            Class.forName("org.postgresql.PGConnection", false, PostgresDialect.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
