package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.micronaut.app.LedgerService;
import io.auditrail.micronaut.app.RecordingSink;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.jdbc.DataSourceTransactionManager;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sink outside the database (async by default, like log, http and kafka) is handed an event
 * only once the caller's transaction has ended, as in the starter: a rolled-back change reaches
 * it as a failure, never as a success.
 */
@MicronautTest(environments = "h2", transactional = false)
@Property(name = "test.recording-sink", value = "true")
class H2RemoteSinkTransactionTest {

    @Inject
    LedgerService ledger;

    @Inject
    RecordingSink sink;

    @Inject
    DataSourceTransactionManager transactions;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void createLedger() throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mn_ledger (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @Test
    void anOuterRollbackReachesTheSinkOnlyAsAFailure() {
        String id = UUID.randomUUID().toString();

        transactions.execute(TransactionDefinition.DEFAULT, status -> {
            ledger.post(id, false);
            status.setRollbackOnly();
            return null;
        });

        assertThat(receivedFor(id)).singleElement().satisfies(event -> {
            assertThat(event.outcome().status()).isEqualTo(Outcome.Status.FAILURE);
            assertThat(event.outcome().errorType()).isEqualTo("io.micronaut.transaction.TransactionRolledBack");
        });
    }

    @Test
    void aCommittedChangeReachesTheSinkOnceAsASuccess() throws Exception {
        String id = UUID.randomUUID().toString();

        ledger.post(id, false);

        assertThat(receivedFor(id)).singleElement()
                .satisfies(event -> assertThat(event.outcome()).isEqualTo(Outcome.success()));
    }

    private List<AuditEvent> receivedFor(String resourceId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !matching(resourceId).isEmpty());
        return matching(resourceId);
    }

    private List<AuditEvent> matching(String resourceId) {
        return sink.received().stream().filter(event -> resourceId.equals(event.resource().id())).toList();
    }
}
