package io.auditrail.jdbc.internal.write;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Decides whether a failed write may succeed when retried. Connection trouble (SQLState
 * class 08), serialisation failures and deadlocks (40), lack of resources (53) and operator
 * intervention (57) are transient; data errors (22), constraint violations (23) and
 * everything else would fail the same way again.
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

    /**
     * Whether the failure is the data's fault: a value the column refuses (SQLState class 22,
     * or MySQL/MariaDB's "incorrect string value", 1366 under HY000) or a constraint it breaks
     * (23). Another event would be stored; a missing table, a missing privilege or a read-only
     * database fail every event alike, and are not data errors.
     *
     * @param failure the exception from the driver
     * @return {@code true} when the event, not the store, is at fault
     */
    public static boolean isDataError(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (isData(e) || e.getCause() instanceof SQLException cause && isData(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23")) || e.getErrorCode() == 1366;
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
