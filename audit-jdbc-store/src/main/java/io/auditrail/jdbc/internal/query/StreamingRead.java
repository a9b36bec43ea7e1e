package io.auditrail.jdbc.internal.query;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a read that streams its rows: where the driver streams only inside a transaction
 * ({@link SqlDialect#prepareForStreaming}), the transaction is ended afterwards, which releases
 * the server-side cursor, without hiding the read's own failure.
 */
public final class StreamingRead {

    /**
     * The read.
     *
     * @param <T> its result
     * @param <E> the checked exception it may throw besides {@link SQLException}
     */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {

        /**
         * Reads.
         *
         * @return the result
         * @throws SQLException when the database fails
         * @throws E when the read's own output fails
         */
        T run() throws SQLException, E;
    }

    private StreamingRead() {
    }

    /**
     * Runs the read on the connection, prepared for streaming.
     *
     * @param <T> its result
     * @param <E> the checked exception it may throw besides {@link SQLException}
     * @param connection the connection, in auto-commit mode or not
     * @param dialect the database's dialect
     * @param body the read
     * @return the read's result
     * @throws SQLException when the database fails
     * @throws E when the read's own output fails
     */
    public static <T, E extends Exception> T run(Connection connection, SqlDialect dialect, Body<T, E> body)
            throws SQLException, E {
        if (!dialect.prepareForStreaming(connection)) {
            return body.run();
        }
        T result;
        try {
            result = body.run();
        } catch (Exception e) {
            endReadTransaction(connection, e);
            throw e;
        }
        endReadTransaction(connection, null);
        return result;
    }

    /** The transaction only read; ending it releases the server-side cursor. */
    private static void endReadTransaction(Connection connection, Exception failure) throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }
}
