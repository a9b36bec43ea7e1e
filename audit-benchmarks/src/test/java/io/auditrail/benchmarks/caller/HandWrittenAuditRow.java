package io.auditrail.benchmarks.caller;

import io.auditrail.core.event.EventIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The limit of the transactional sink: the row {@code @Audited} stores for a payment, inserted
 * by hand with one plain prepared {@code INSERT} on the transaction's own connection, into the
 * same table with the same indexes. Same columns and values as the sink writes (a fresh
 * UUIDv7, the system actor, no organisation, no metadata); no savepoint, no conflict clause,
 * no event object, no validation: what "one more row in your transaction" costs at least.
 */
final class HandWrittenAuditRow implements PaymentAudit {

    private static final String INSERT = "INSERT INTO audit_events (event_id, occurred_at, organization_id,"
            + " actor_id, actor_name, actor_email, actor_type, action, resource_type, resource_id, resource_name,"
            + " outcome, error_type, error_message, ip, user_agent, request_id, metadata)"
            + " VALUES (?, ?, NULL, 'system', NULL, NULL, 'system', 'invoice.paid', 'invoice', ?, NULL,"
            + " 'success', NULL, NULL, NULL, NULL, NULL, NULL)";

    private final DataSource dataSource;

    HandWrittenAuditRow(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void paid(Invoice invoice) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, EventIds.next());
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(3, Long.toString(invoice.id()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert the audit row of invoice " + invoice.id(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
