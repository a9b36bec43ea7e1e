package io.auditrail.jdbc.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link OwnTransaction#joinCallers}'s guarantee in one round trip instead of three, for a
 * driver that {@linkplain io.auditrail.jdbc.internal.dialect.SqlDialect#pipelinesStatements()
 * pipelines} a multi-statement string: {@code SAVEPOINT}, the statement and {@code RELEASE
 * SAVEPOINT} go to the server together. Each would otherwise wait for its own answer; on the
 * transactional path those two waits were most of what the store cost beyond a hand-written
 * insert of the same row. If the statement
 * fails, the server skips the release; the rollback to the savepoint then confines the failure
 * to the store's row, so the caller's transaction stays usable, exactly as with a JDBC
 * {@link java.sql.Savepoint}.
 */
final class PipelinedSavepoint {

    /** One name serves every write: each releases or rolls back its savepoint before it returns. */
    private static final String NAME = "auditrail_write";
    private static final String ROLLBACK = "ROLLBACK TO SAVEPOINT " + NAME + "; RELEASE SAVEPOINT " + NAME;

    private final String sql;

    /**
     * @param sql one statement, with parameters, to run under the savepoint
     */
    PipelinedSavepoint(String sql) {
        this.sql = "SAVEPOINT " + NAME + "; " + sql + "; RELEASE SAVEPOINT " + NAME;
    }

    /**
     * Binds and runs the statement under the savepoint, inside the caller's transaction.
     *
     * @param connection the connection of the caller's transaction; never committed here
     * @param binder binds the statement's parameters, numbered as if it were alone (the
     *        savepoint statements have none)
     * @throws SQLException when the statement fails; it has been rolled back to the savepoint
     */
    void run(Connection connection, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // Nothing has reached the server before execute: a failure to bind needs no rollback.
            binder.bind(statement);
            try {
                statement.execute();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        }
    }

    private static void rollBack(Connection connection, Exception failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ROLLBACK);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Binds the parameters of a statement. */
    @FunctionalInterface
    interface Binder {
        /**
         * @param statement the prepared statement
         * @throws SQLException from the driver
         */
        void bind(PreparedStatement statement) throws SQLException;
    }
}
