package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.micronaut.app.LedgerBatch;
import io.auditrail.micronaut.app.LedgerService;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.jdbc.DataSourceTransactionManager;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With Micronaut Data's transaction manager, the audit row commits or rolls back with the
 * business change, and a rolled-back call leaves one failure row.
 */
abstract class AbstractTransactionTest {

    @Inject
    LedgerService ledger;

    @Inject
    JdbcAuditStore store;

    @Inject
    DataSourceTransactionManager transactions;

    @Inject
    DataSource dataSource;

    @Inject
    StartupLog startupLog;

    @Inject
    LedgerBatch batch;

    @BeforeEach
    void createLedger() throws SQLException {
        try (Connection connection = pool().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mn_ledger (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @Test
    void theStartupLineNamesTheJdbcSinkAndItsTable() {
        assertThat(startupLog.summary().text()).startsWith("Auditrail is on: sink jdbc (")
                .endsWith("), table mn_audit_events, failure policy fail-open, transparency log off");
    }

    @Test
    void aCommittedChangeHasExactlyOneSuccessRow() throws Exception {
        String id = UUID.randomUUID().toString();

        ledger.post(id, false);

        assertThat(ledgerHas(id)).isTrue();
        assertThat(events(id)).singleElement().satisfies(event -> assertThat(event.outcome()).isEqualTo(Outcome.success()));
    }

    @Test
    void theAuditRowIsWrittenInsideTheBusinessTransaction() {
        String id = UUID.randomUUID().toString();

        transactions.execute(TransactionDefinition.DEFAULT, status -> {
            ledger.post(id, false);
            assertThat(countFromAnotherConnection(id)).as("not visible before commit").isZero();
            return null;
        });

        assertThat(countFromAnotherConnection(id)).isEqualTo(1);
    }

    @Test
    void aMethodThatThrowsRollsBackAndLeavesOneFailureRow() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> ledger.post(id, true)).isInstanceOf(IllegalStateException.class);

        assertThat(ledgerHas(id)).isFalse();
        assertThat(events(id)).singleElement().satisfies(event -> {
            assertThat(event.outcome().status()).isEqualTo(Outcome.Status.FAILURE);
            assertThat(event.outcome().errorType()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void anOuterRollbackTurnsTheSuccessIntoOneFailureRow() {
        String id = UUID.randomUUID().toString();

        transactions.execute(TransactionDefinition.DEFAULT, status -> {
            ledger.post(id, false);
            status.setRollbackOnly();
            return null;
        });

        assertThat(ledgerHas(id)).isFalse();
        assertThat(events(id)).singleElement().satisfies(event -> {
            assertThat(event.outcome().status()).isEqualTo(Outcome.Status.FAILURE);
            assertThat(event.outcome().errorType()).isEqualTo("io.micronaut.transaction.TransactionRolledBack");
        });
    }

    @Test
    void aTransactionalCallThatFailsAfterTheAuditedOneNamesItsExceptionAsTheCause() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> batch.postThenFail(id)).isInstanceOf(IllegalArgumentException.class);

        assertThat(ledgerHas(id)).isFalse();
        assertThat(events(id)).singleElement().satisfies(event -> {
            assertThat(event.outcome().status()).isEqualTo(Outcome.Status.FAILURE);
            assertThat(event.outcome().errorType()).isEqualTo(IllegalArgumentException.class.getName());
        });
    }

    private List<AuditEvent> events(String resourceId) {
        return store.query(AuditQuery.builder().resourceId(resourceId).build()).events();
    }

    private DataSource pool() {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private boolean ledgerHas(String id) {
        return count("SELECT COUNT(*) FROM mn_ledger WHERE id = ?", id) == 1;
    }

    private int countFromAnotherConnection(String id) {
        return count("SELECT COUNT(*) FROM mn_audit_events WHERE resource_id = ?", id);
    }

    private int count(String sql, String id) {
        try (Connection connection = pool().getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
