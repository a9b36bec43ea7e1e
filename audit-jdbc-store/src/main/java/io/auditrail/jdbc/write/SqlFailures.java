package io.auditrail.jdbc.write;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Decides whether a failed write may succeed when retried. Connection trouble (SQLState
 * class 08), serialisation failures and deadlocks (40), lack of resources (53) and operator
 * intervention (57) are transient; data errors (22), constraint violations (23) and
 * everything else would fail the same way again.
 *
 * <p>Internal API: public only because the store's packages share it.
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * Whether the failure, or any exception chained to it, is transient.
     *
     * @param failure the exception from the driver
     * @return {@code true} when a retry can help
     */
    public static boolean isRetryable(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (isTransient(e)) {
                return true;
            }
            if (e.getCause() instanceof SQLException cause && isTransient(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        // 55P03: PostgreSQL lock not available; 1205/1213: MySQL/MariaDB lock wait timeout and deadlock (HY000).
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.equals("55P03"))
                || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }
}
