package io.auditrail.micronaut.tx;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.internal.tx.RollbackOnFailureDispatcher;
import io.auditrail.core.internal.tx.TransactionCompletion;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.micronaut.dispatch.TransactionalDispatch;
import io.auditrail.micronaut.jdbc.CallerTransactions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.micronaut.transaction.jdbc.DataSourceTransactionManager;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Connects the JDBC store to Micronaut Data's transaction manager of the application's
 * {@code DataSource}: inside a transaction the store writes on the transaction's connection
 * and leaves commit and rollback to it; outside one it borrows from the pool and commits its
 * own work. The store's dispatcher is wrapped in a {@link TransactionAwareDispatcher}, and so is
 * the outbox's, which also makes a failed append roll the caller's transaction back.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = DataSourceTransactionManager.class)
@Requires(beans = {DataSource.class, DataSourceTransactionManager.class})
final class MicronautTransactions implements CallerTransactions, TransactionalDispatch {

    private final DataSourceTransactionManager manager;
    private final Function<Throwable, Outcome> failureOf;

    /**
     * Picks the transaction manager of the application's data source.
     *
     * @param dataSource the application's data source
     * @param managers Micronaut Data's JDBC transaction managers, one per data source
     * @param configuration whether failures keep messages, and the bounds of their text
     * @param codec measures metadata for the validator that bounds failure text
     * @throws IllegalStateException when none manages the data source
     */
    public MicronautTransactions(DataSource dataSource, List<DataSourceTransactionManager> managers,
            AuditrailConfiguration configuration, AuditEventCodec codec) {
        this.failureOf = TransactionCompletion.failureOutcomes(
                new AuditEventValidator(configuration.toAuditLimits(), codec), configuration.isRecordErrorMessages());
        DataSource target = DelegatingDataSource.unwrapDataSource(dataSource);
        this.manager = managers.stream()
                .filter(candidate -> DelegatingDataSource.unwrapDataSource(candidate.getDataSource()) == target)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Micronaut transaction manager manages the audit "
                        + "DataSource; the JDBC audit store cannot join transactions"));
    }

    @Override
    public DataSource connections(DataSource dataSource) {
        return new TransactionBoundDataSource(DelegatingDataSource.unwrapDataSource(dataSource), this);
    }

    @Override
    public DataSource plain(DataSource dataSource) {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public boolean active() {
        return current().isPresent();
    }

    Optional<? extends TransactionStatus<?>> current() {
        return manager.findTransactionStatus().filter(status -> !status.isCompleted());
    }

    DataSourceTransactionManager manager() {
        return manager;
    }

    @Override
    public AuditDispatcher wrap(AuditDispatcher dispatcher, AuditMonitor monitor) {
        return new TransactionAwareDispatcher(dispatcher, this, monitor, true, failureOf);
    }

    @Override
    public AuditDispatcher wrapOutbox(AuditDispatcher dispatcher, AuditMonitor monitor) {
        return new TransactionAwareDispatcher(new RollbackOnFailureDispatcher(dispatcher, this::failBeforeCommit), this,
                monitor, true, failureOf);
    }

    /** Throwing before commit makes the transaction manager roll back and report it to the committer. */
    private void failBeforeCommit(RuntimeException failure) {
        current().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                throw failure;
            }
        }));
    }

    @Override
    public AuditDispatcher afterCompletion(AuditDispatcher dispatcher, AuditMonitor monitor) {
        return new TransactionAwareDispatcher(dispatcher, this, monitor, false, failureOf);
    }
}
