package io.auditrail.jdbc.stream;

import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.RefusedBatch;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamException;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.core.stream.StreamState;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The SQL of the streams and refused-batch tables. Every write a deliverer makes is fenced by
 * its lease ({@code lease_owner = ?}), and a cursor moves only from the value it was read at,
 * so a deliverer that lost its lease cannot move a cursor another one has moved.
 */
final class StreamRepository {

    private static final String COLUMNS = String.join(", ", StreamsSchema.STREAM_COLUMNS);

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final StreamTables tables;

    StreamRepository(DataSource dataSource, SqlDialect dialect, StreamTables tables) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
    }

    StreamTables tables() {
        return tables;
    }

    SqlDialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    void insert(StoredStream stream) {
        StreamDefinition d = stream.definition();
        Instant backfill = d.startPoint().backfillFrom();
        String sql = "INSERT INTO " + tables.streams().qualified() + " (id, organization_id, name, kind, url, format, state,"
                + " secret, backfill_from, created_at, updated_at, cursor_seq, attempts, next_attempt_at, delivered_count,"
                + " failed_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + (backfill == null ? "NULL" : "?")
                + ", ?, ?, ?, 0, ?, 0, 0)";
        update("create stream", sql, s -> {
            int i = 1;
            s.setString(i++, d.id());
            s.setString(i++, d.organizationId());
            s.setString(i++, d.name());
            s.setString(i++, d.kind().name());
            s.setString(i++, d.url().toString());
            s.setString(i++, d.format().name());
            s.setString(i++, d.state().name());
            s.setString(i++, stream.sealedSecret());
            if (backfill != null) {
                dialect.bindTimestamp(s, i++, backfill);
            }
            dialect.bindTimestamp(s, i++, d.createdAt());
            dialect.bindTimestamp(s, i++, d.updatedAt());
            s.setLong(i++, stream.cursor());
            dialect.bindTimestamp(s, i, d.createdAt());
        });
    }

    long countFor(String organizationId) {
        return queryLong("count streams", "SELECT COUNT(*) FROM " + tables.streams().qualified()
                + " WHERE organization_id = ?", s -> s.setString(1, organizationId));
    }

    List<StoredStream> list(String organizationId) {
        return select("list streams", "SELECT " + COLUMNS + " FROM " + tables.streams().qualified()
                + " WHERE organization_id = ? ORDER BY created_at, id", s -> s.setString(1, organizationId));
    }

    Optional<StoredStream> find(String organizationId, String id) {
        return select("read stream", "SELECT " + COLUMNS + " FROM " + tables.streams().qualified()
                + " WHERE id = ? AND organization_id = ?", s -> {
                    s.setString(1, id);
                    s.setString(2, organizationId);
                }).stream().findFirst();
    }

    Optional<StoredStream> findById(String id) {
        return select("read stream", "SELECT " + COLUMNS + " FROM " + tables.streams().qualified() + " WHERE id = ?",
                s -> s.setString(1, id)).stream().findFirst();
    }

    boolean updateDefinition(String organizationId, String id, String name, URI url, StreamFormat format,
            String sealedSecret, Instant now) {
        return update("update stream", "UPDATE " + tables.streams().qualified()
                + " SET name = ?, url = ?, format = ?, secret = ?, updated_at = ? WHERE id = ? AND organization_id = ?", s -> {
                    s.setString(1, name);
                    s.setString(2, url.toString());
                    s.setString(3, format.name());
                    s.setString(4, sealedSecret);
                    dialect.bindTimestamp(s, 5, now);
                    s.setString(6, id);
                    s.setString(7, organizationId);
                }) == 1;
    }

    /** A resume also forgets the backoff, so delivery restarts at once. */
    boolean setState(String organizationId, String id, StreamState state, Instant now) {
        String resume = state == StreamState.ACTIVE ? ", attempts = 0, next_attempt_at = ?" : "";
        return update("change stream state", "UPDATE " + tables.streams().qualified() + " SET state = ?, updated_at = ?"
                + resume + " WHERE id = ? AND organization_id = ?", s -> {
                    int i = 1;
                    s.setString(i++, state.name());
                    dialect.bindTimestamp(s, i++, now);
                    if (state == StreamState.ACTIVE) {
                        dialect.bindTimestamp(s, i++, now);
                    }
                    s.setString(i++, id);
                    s.setString(i, organizationId);
                }) == 1;
    }

    boolean delete(String organizationId, String id) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int deleted;
                try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + tables.streams().qualified()
                        + " WHERE id = ? AND organization_id = ?")) {
                    s.setString(1, id);
                    s.setString(2, organizationId);
                    deleted = s.executeUpdate();
                }
                if (deleted == 1) {
                    try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + tables.refused().qualified()
                            + " WHERE stream_id = ?")) {
                        s.setString(1, id);
                        s.executeUpdate();
                    }
                }
                connection.commit();
                return deleted == 1;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StreamException("cannot delete stream " + id, e);
        }
    }

    List<String> due(Instant now, String owner) {
        List<String> ids = new ArrayList<>();
        query("find due streams", "SELECT id FROM " + tables.streams().qualified()
                + " WHERE state = 'ACTIVE' AND next_attempt_at <= ? AND (lease_owner IS NULL OR lease_until < ?"
                + " OR lease_owner = ?) ORDER BY next_attempt_at", s -> {
                    dialect.bindTimestamp(s, 1, now);
                    dialect.bindTimestamp(s, 2, now);
                    s.setString(3, owner);
                }, r -> ids.add(r.getString(1)));
        return ids;
    }

    boolean claim(String id, String owner, Instant now, Instant leaseUntil) {
        return update("claim stream", "UPDATE " + tables.streams().qualified() + " SET lease_owner = ?, lease_until = ?"
                + " WHERE id = ? AND state = 'ACTIVE' AND next_attempt_at <= ?"
                + " AND (lease_owner IS NULL OR lease_until < ? OR lease_owner = ?)", s -> {
                    s.setString(1, owner);
                    dialect.bindTimestamp(s, 2, leaseUntil);
                    s.setString(3, id);
                    dialect.bindTimestamp(s, 4, now);
                    dialect.bindTimestamp(s, 5, now);
                    s.setString(6, owner);
                }) == 1;
    }

    boolean startBatch(String id, String owner, long cursor, long lastSequence, Instant leaseUntil) {
        return update("record batch in flight", "UPDATE " + tables.streams().qualified()
                + " SET inflight_last_seq = ?, lease_until = ? WHERE id = ? AND lease_owner = ? AND cursor_seq = ?", s -> {
                    s.setLong(1, lastSequence);
                    dialect.bindTimestamp(s, 2, leaseUntil);
                    s.setString(3, id);
                    s.setString(4, owner);
                    s.setLong(5, cursor);
                }) == 1;
    }

    boolean renew(String id, String owner, Instant leaseUntil) {
        return update("renew lease", "UPDATE " + tables.streams().qualified() + " SET lease_until = ?"
                + " WHERE id = ? AND lease_owner = ?", s -> {
                    dialect.bindTimestamp(s, 1, leaseUntil);
                    s.setString(2, id);
                    s.setString(3, owner);
                }) == 1;
    }

    boolean delivered(String id, String owner, long cursor, long newCursor, int events, Instant now) {
        return update("record delivery", "UPDATE " + tables.streams().qualified() + " SET cursor_seq = ?,"
                + " inflight_last_seq = NULL, attempts = 0, next_attempt_at = ?, last_delivered_at = ?,"
                + " delivered_count = delivered_count + ? WHERE id = ? AND lease_owner = ? AND cursor_seq = ?", s -> {
                    s.setLong(1, newCursor);
                    dialect.bindTimestamp(s, 2, now);
                    dialect.bindTimestamp(s, 3, now);
                    s.setLong(4, events);
                    s.setString(5, id);
                    s.setString(6, owner);
                    s.setLong(7, cursor);
                }) == 1;
    }

    void retryLater(String id, String owner, int attempts, Instant nextAttemptAt, String error, Instant now) {
        update("record failed attempt", "UPDATE " + tables.streams().qualified() + " SET attempts = ?, next_attempt_at = ?,"
                + " last_error = ?, last_error_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?", s -> {
                    s.setInt(1, attempts);
                    dialect.bindTimestamp(s, 2, nextAttemptAt);
                    s.setString(3, bounded(error));
                    dialect.bindTimestamp(s, 4, now);
                    s.setString(5, id);
                    s.setString(6, owner);
                });
    }

    void pauseByReceiver(String id, String owner, String error, Instant now) {
        update("pause stream", "UPDATE " + tables.streams().qualified() + " SET state = 'PAUSED', attempts = 0,"
                + " last_error = ?, last_error_at = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?", s -> {
                    s.setString(1, bounded(error));
                    dialect.bindTimestamp(s, 2, now);
                    dialect.bindTimestamp(s, 3, now);
                    s.setString(4, id);
                    s.setString(5, owner);
                });
    }

    /** Records the refused range and moves the cursor past it, in one transaction. */
    boolean refused(String id, String owner, long cursor, RefusedRange range, int status, String reason, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int moved;
                try (PreparedStatement s = connection.prepareStatement("UPDATE " + tables.streams().qualified()
                        + " SET cursor_seq = ?, inflight_last_seq = NULL, attempts = 0, next_attempt_at = ?,"
                        + " last_error = ?, last_error_at = ?, failed_count = failed_count + ?"
                        + " WHERE id = ? AND lease_owner = ? AND cursor_seq = ?")) {
                    s.setLong(1, range.lastSequence());
                    dialect.bindTimestamp(s, 2, now);
                    s.setString(3, bounded("batch of " + range.events() + " events refused for good and skipped: " + reason));
                    dialect.bindTimestamp(s, 4, now);
                    s.setLong(5, range.events());
                    s.setString(6, id);
                    s.setString(7, owner);
                    s.setLong(8, cursor);
                    moved = s.executeUpdate();
                }
                if (moved == 1) {
                    try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + tables.refused().qualified()
                            + " (stream_id, first_seq, last_seq, first_event_id, last_event_id, events, status, reason,"
                            + " refused_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, id);
                        s.setLong(2, range.firstSequence());
                        s.setLong(3, range.lastSequence());
                        s.setString(4, range.firstEventId());
                        s.setString(5, range.lastEventId());
                        s.setInt(6, range.events());
                        s.setInt(7, status);
                        s.setString(8, bounded(reason));
                        dialect.bindTimestamp(s, 9, now);
                        s.executeUpdate();
                    }
                }
                connection.commit();
                return moved == 1;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StreamException("cannot record the refused batch of stream " + id, e);
        }
    }

    void release(String id, String owner) {
        update("release lease", "UPDATE " + tables.streams().qualified() + " SET lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?", s -> {
                    s.setString(1, id);
                    s.setString(2, owner);
                });
    }

    List<RefusedBatch> refusedBatches(String id, int limit) {
        List<RefusedBatch> batches = new ArrayList<>();
        query("list refused batches", "SELECT first_event_id, last_event_id, events, status, reason, refused_at FROM "
                + tables.refused().qualified() + " WHERE stream_id = ? ORDER BY id DESC LIMIT " + limit,
                s -> s.setString(1, id),
                r -> batches.add(new RefusedBatch(id, r.getString("first_event_id"), r.getString("last_event_id"),
                        r.getInt("events"), r.getInt("status"), r.getString("reason"),
                        dialect.readTimestamp(r, "refused_at"))));
        return batches;
    }

    /** The lowest cursor of all streams, or {@code null} when there is no stream. */
    Long minCursor() {
        Long[] value = {null};
        query("read cursors", "SELECT MIN(cursor_seq) FROM " + tables.streams().qualified(), s -> {
        }, r -> {
            long min = r.getLong(1);
            value[0] = r.wasNull() ? null : min;
        });
        return value[0];
    }

    private static String bounded(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private List<StoredStream> select(String what, String sql, Binder binder) {
        List<StoredStream> rows = new ArrayList<>();
        query(what, sql, binder, r -> rows.add(map(r)));
        return rows;
    }

    private StoredStream map(ResultSet r) throws SQLException {
        Instant backfill = dialect.readTimestamp(r, "backfill_from");
        StreamDefinition definition = new StreamDefinition(r.getString("id"), r.getString("organization_id"),
                r.getString("name"), DestinationKind.valueOf(r.getString("kind")), URI.create(r.getString("url")),
                StreamFormat.valueOf(r.getString("format")), StreamState.valueOf(r.getString("state")),
                backfill == null ? StartPoint.now() : StartPoint.backfillFrom(backfill),
                dialect.readTimestamp(r, "created_at"), dialect.readTimestamp(r, "updated_at"));
        long inflight = r.getLong("inflight_last_seq");
        Long inflightLast = r.wasNull() ? null : inflight;
        return new StoredStream(definition, r.getString("secret"), r.getLong("cursor_seq"), inflightLast,
                r.getString("lease_owner"), r.getInt("attempts"), dialect.readTimestamp(r, "next_attempt_at"),
                r.getString("last_error"), dialect.readTimestamp(r, "last_error_at"),
                dialect.readTimestamp(r, "last_delivered_at"), r.getLong("delivered_count"), r.getLong("failed_count"));
    }

    long queryLong(String what, String sql, Binder binder) {
        long[] value = {0};
        query(what, sql, binder, r -> value[0] = r.getLong(1));
        return value[0];
    }

    void query(String what, String sql, Binder binder, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        } catch (SQLException e) {
            throw new StreamException("cannot " + what, e);
        }
    }

    int update(String what, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            int count = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return count;
        } catch (SQLException e) {
            throw new StreamException("cannot " + what, e);
        }
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /**
     * The events of a refused batch.
     *
     * @param firstSequence seq of the first
     * @param lastSequence seq of the last
     * @param firstEventId id of the first
     * @param lastEventId id of the last
     * @param events how many
     */
    record RefusedRange(long firstSequence, long lastSequence, String firstEventId, String lastEventId, int events) {
    }
}
