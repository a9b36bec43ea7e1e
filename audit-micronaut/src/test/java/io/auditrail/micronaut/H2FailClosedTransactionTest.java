package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.AuditException;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.micronaut.app.LedgerService;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Under fail-closed, an event that cannot be stored fails the audited call inside its own
 * transaction, so the business change rolls back: the interceptor runs inside {@code @Transactional}.
 * A bad value no longer makes an event unrecordable (it is recorded as unresolved), so the store
 * is made to fail instead: its table is dropped after start-up.
 */
@MicronautTest(environments = "h2", transactional = false)
@Property(name = "auditrail.failure-policy", value = "fail-closed")
@Property(name = "auditrail.jdbc.table-name", value = "mn_audit_fail_closed")
class H2FailClosedTransactionTest {

    @Inject
    LedgerService ledger;

    /** Injected so that the store, and its table, exist before the test drops the table. */
    @Inject
    JdbcAuditStore store;

    @Inject
    DataSource dataSource;

    @Test
    void anUnrecordableEventRollsTheBusinessChangeBack() throws Exception {
        String id = "fail-closed-" + System.nanoTime();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mn_ledger (id VARCHAR(64) PRIMARY KEY)");
            statement.execute("DROP TABLE mn_audit_fail_closed");
        }

        assertThatThrownBy(() -> ledger.post(id, false)).isInstanceOf(AuditException.class)
                .hasMessageContaining("ledger.posted");

        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM mn_ledger WHERE id = '" + id + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }
}
