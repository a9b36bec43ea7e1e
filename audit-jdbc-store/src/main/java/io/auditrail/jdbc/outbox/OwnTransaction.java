package io.auditrail.jdbc.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs outbox work in a transaction of its own, or inside the caller's under a savepoint,
 * by the same rule as the audit table's writer: a pool may hand out connections with
 * auto-commit off, and the work is still the outbox's to commit unless the caller owns it.
 */
final class OwnTransaction {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private OwnTransaction() {
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
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
     * A failed statement aborts the whole transaction on PostgreSQL; the savepoint confines the
     * failure to the outbox rows, and the caller then decides the transaction's fate.
     */
    static void joinCallers(Connection connection, Work<?> work) throws SQLException {
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
