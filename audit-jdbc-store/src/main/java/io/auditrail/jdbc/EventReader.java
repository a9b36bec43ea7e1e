package io.auditrail.jdbc;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditCursor;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.BoundSql;
import io.auditrail.jdbc.internal.query.EventQueries;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.query.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs the read-side selects on a borrowed connection. */
final class EventReader {

    private final SqlDialect dialect;
    private final EventQueries queries;
    private final EventRowMapper mapper;

    EventReader(SqlDialect dialect, EventQueries queries, EventRowMapper mapper) {
        this.dialect = dialect;
        this.queries = queries;
        this.mapper = mapper;
    }

    AuditPage page(Connection connection, AuditQuery query) throws SQLException {
        List<StoredEvent> rows = select(connection, queries.page(query));
        boolean more = rows.size() > query.limit();
        List<StoredEvent> page = more ? rows.subList(0, query.limit()) : rows;
        AuditCursor next = more ? page.get(page.size() - 1).cursor() : null;
        long total = query.countTotal() ? count(connection, queries.count(query)) : AuditPage.NOT_COUNTED;
        return new AuditPage(page.stream().map(StoredEvent::event).toList(), total, query.limit(), query.offset(), next);
    }

    Optional<AuditEvent> byId(Connection connection, String organizationId, UUID id) throws SQLException {
        return select(connection, queries.byId(organizationId, id)).stream().findFirst().map(StoredEvent::event);
    }

    long countBetween(Connection connection, String organizationId, Instant from, Instant until) throws SQLException {
        return count(connection, queries.countBetween(organizationId, from, until));
    }

    private List<StoredEvent> select(Connection connection, BoundSql select) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(select.sql())) {
            select.bind(statement, dialect);
            try (ResultSet resultSet = statement.executeQuery()) {
                List<StoredEvent> rows = new ArrayList<>();
                while (resultSet.next()) {
                    rows.add(mapper.map(resultSet));
                }
                return rows;
            }
        }
    }

    private long count(Connection connection, BoundSql count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(count.sql())) {
            count.bind(statement, dialect);
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        }
    }
}
