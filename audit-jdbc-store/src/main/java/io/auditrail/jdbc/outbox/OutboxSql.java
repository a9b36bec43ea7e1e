package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.TableName;
import java.util.Collections;
import java.util.List;

/** The outbox's statements for one table and database; every value is a bound parameter. */
final class OutboxSql {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String DEAD = "dead";

    /** Every column the outbox reads or writes, for the start-up schema check. */
    static final List<String> REQUIRED = List.of("seq", "destination", "event_id", "payload", "state", "attempts",
            "next_attempt_at", "lease_owner", "last_error", "created_at", "done_at");

    private static final String COLUMNS = "destination, event_id, payload, state, attempts, next_attempt_at, created_at";
    private static final String DUE = " WHERE destination = ? AND state = '" + PENDING + "' AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, seq LIMIT ?";

    final String insert;
    final String selectDue;
    final String selectDueSkipLocked;
    /** Whether {@link #insert} binds the destination and event id a second time, for its NOT EXISTS. */
    final boolean insertRepeatsKey;
    final String lease;
    final String leaseIfStillDue;
    /** {@link #renew(int)} without its {@code IN} list. */
    private final String renewPrefix;
    final String delivered;
    final String retry;
    final String dead;
    final String purgeDelivered;
    final String countPending;

    OutboxSql(SqlDialect dialect, TableName table) {
        String t = table.qualified();
        this.insertRepeatsKey = !dialect.name().equals("postgresql") && !dialect.name().equals("mysql");
        this.insert = switch (dialect.name()) {
            case "postgresql" -> "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, '" + PENDING
                    + "', 0, ?, ?) ON CONFLICT (destination, event_id) DO NOTHING";
            case "mysql" -> "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, '" + PENDING
                    + "', 0, ?, ?) ON DUPLICATE KEY UPDATE event_id = event_id";
            // H2 and HSQLDB have neither; batch rows run in order, so a later duplicate sees the earlier row.
            default -> "INSERT INTO " + t + " (" + COLUMNS + ") SELECT ?, ?, ?, '" + PENDING + "', 0, ?, ? FROM "
                    + dialect.oneRowTable()
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + t + " WHERE destination = ? AND event_id = ?)";
        };
        String select = "SELECT seq, payload, attempts FROM " + t + DUE;
        this.selectDue = select;
        this.selectDueSkipLocked = select + " FOR UPDATE SKIP LOCKED";
        this.lease = "UPDATE " + t + " SET lease_owner = ?, next_attempt_at = ? WHERE seq = ?";
        this.leaseIfStillDue = lease + " AND state = '" + PENDING + "' AND next_attempt_at <= ?";
        this.renewPrefix = "UPDATE " + t + " SET next_attempt_at = ? WHERE lease_owner = ? AND state = '" + PENDING
                + "' AND seq IN (";
        this.delivered = "UPDATE " + t + " SET state = '" + DELIVERED + "', done_at = ?, lease_owner = NULL"
                + " WHERE seq = ? AND lease_owner = ?";
        this.retry = "UPDATE " + t + " SET attempts = attempts + 1, next_attempt_at = ?, lease_owner = NULL,"
                + " last_error = ? WHERE seq = ? AND lease_owner = ?";
        this.dead = "UPDATE " + t + " SET state = '" + DEAD + "', done_at = ?, lease_owner = NULL, last_error = ?"
                + " WHERE seq = ? AND lease_owner = ?";
        this.purgeDelivered = dialect.boundedDeleteSql(table, "state = '" + DELIVERED + "' AND done_at < ?");
        this.countPending = "SELECT COUNT(*) FROM " + t + " WHERE destination = ? AND state = '" + PENDING + "'";
    }

    /**
     * Extends the lease of rows the owner still holds; one statement, so its update count says
     * how many were still held on every driver (batches may answer "success, count unknown").
     *
     * @param rows how many {@code seq} values follow the lease end and owner
     * @return the statement
     */
    String renew(int rows) {
        return renewPrefix + String.join(", ", Collections.nCopies(rows, "?")) + ")";
    }
}
