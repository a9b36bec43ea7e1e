package io.auditrail.jdbc.internal.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs the store's work (audit rows, outbox rows) in a transaction of its own, or inside the
 * caller's under a savepoint. A pool may hand out connections with auto-commit off, and the
 * work is still the store's to commit unless the caller owns the transaction.
 */
public final class OwnTransaction {

    /**
     * Work on one connection.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection, in a transaction
         * @return the result
         * @throws SQLException when a statement fails
         */
        T run(Connection connection) throws SQLException;
    }

    private OwnTransaction() {
    }

    /**
     * Runs work in a transaction of its own, committed on success and rolled back on failure.
     *
     * @param connection a connection not in the caller's transaction
     * @param work the work
     * @param <T> its result
     * @return the work's result
     * @throws SQLException when the work or the commit fails; the transaction is rolled back
     */
    public static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            if (autoCommit) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // The connection is broken; the pool discards it, and the first failure is what matters.
                }
            }
        }
        return result;
    }

    /**
     * Runs work inside the caller's transaction. A failed statement aborts the whole transaction
     * on PostgreSQL; the savepoint confines a failure to the store's rows, so a fail-open caller
     * can still commit its own change.
     *
     * @param connection the connection of the caller's transaction; never committed here
     * @param work the work
     * @throws SQLException when the work fails; its statements have been rolled back
     */
    public static void joinCallers(Connection connection, Work<?> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            work.run(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
    }
}
