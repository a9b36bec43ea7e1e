package io.auditrail.spring.autoconfigure;

import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.tx.RollbackOnFailureDispatcher;
import io.auditrail.core.internal.tx.TransactionCompletion;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.internal.wiring.DispatchPlan;
import io.auditrail.core.internal.wiring.PlannedDispatch;
import io.auditrail.spring.internal.tx.TransactionAwareDispatcher;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Applies core's {@link DispatchPlan} to the starter's properties and
 * ties each planned dispatcher to Spring's transactions when spring-tx is present.
 */
final class SinkDispatcherFactory {

    private static final Logger log = LoggerFactory.getLogger(SinkDispatcherFactory.class);
    private static final boolean TX_PRESENT = ClassUtils.isPresent(
            "org.springframework.transaction.support.TransactionSynchronizationManager", null);

    private final AuditrailProperties properties;
    private final AuditMonitor monitor;
    private final ListableBeanFactory beanFactory;
    private final Function<Throwable, Outcome> failureOf;

    SinkDispatcherFactory(AuditrailProperties properties, AuditMonitor monitor, ListableBeanFactory beanFactory,
            AuditEventCodec codec) {
        this.properties = properties;
        this.monitor = monitor;
        this.beanFactory = beanFactory;
        this.failureOf = TransactionCompletion.failureOutcomes(
                new AuditEventValidator(properties.getLimits().toAuditLimits(), codec), properties.isRecordErrorMessages());
    }

    /**
     * One dispatcher per sink, behind a fan-out.
     *
     * @param sinks the sinks core's {@code SinkSelection} chose
     */
    AuditSinkDispatchers create(List<AuditSink> sinks) {
        DispatchPlan plan = new DispatchPlan(configuredDispatch(), this::asyncSettings, monitor,
                () -> Optional.ofNullable(beanFactory.getBeanProvider(Outbox.class).getIfAvailable()));
        return plan.dispatchers(sinks, properties.getAsync().getShutdownTimeout(), planned -> TX_PRESENT
                ? Transactions.bind(planned, monitor, beanFactory, failureOf)
                : new AuditSinkDispatchers.SinkDispatch(planned.sink().name(), planned.modeName(),
                        planned.dispatcher(), planned.queue()));
    }

    private DispatchMode configuredDispatch() {
        return properties.getDispatch();
    }

    private AsyncSettings asyncSettings() {
        return properties.getAsync().toAsyncSettings();
    }

    /** Kept apart so that spring-tx classes load only when spring-tx is present. */
    private static final class Transactions {

        static AuditSinkDispatchers.SinkDispatch bind(PlannedDispatch planned, AuditMonitor monitor,
                ListableBeanFactory beanFactory, Function<Throwable, Outcome> failureOf) {
            AuditSink sink = planned.sink();
            PlatformTransactionManager manager = beanFactory.getBeanProvider(PlatformTransactionManager.class)
                    .getIfUnique();
            TransactionAwareDispatcher.Mode txMode = TransactionAwareDispatcher.Mode.AFTER_COMMIT;
            if (planned.inCallerTransaction()) {
                if (manager != null) {
                    txMode = TransactionAwareDispatcher.Mode.IN_TRANSACTION;
                } else {
                    log.warn("Audit sink '{}' uses {} dispatch but there is no unique PlatformTransactionManager; "
                            + "events are written after commit instead", sink.name(), planned.modeName());
                }
            }
            AuditDispatcher base = planned.mode() == DispatchMode.OUTBOX
                    ? new RollbackOnFailureDispatcher(planned.dispatcher(), Transactions::failBeforeCommit)
                    : planned.dispatcher();
            boolean joinsTransactions = sink.joinsTransactions() || planned.mode() == DispatchMode.OUTBOX;
            boolean writesOnCallerThread = planned.queue() == null && joinsTransactions;
            DataSource dataSource = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
            BooleanSupplier holdsConnection = dataSource == null ? () -> false
                    : DataSourceTransactions.holding(dataSource);
            String description = planned.modeName() + (txMode == TransactionAwareDispatcher.Mode.IN_TRANSACTION
                    ? " (in transaction)" : " (after commit)");
            return new AuditSinkDispatchers.SinkDispatch(sink.name(), description, new TransactionAwareDispatcher(base,
                    txMode, writesOnCallerThread ? manager : null, holdsConnection, monitor, failureOf),
                    planned.queue());
        }

        /** Throwing before commit makes the transaction manager roll back and report it to the committer. */
        private static void failBeforeCommit(RuntimeException failure) {
            if (TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw failure;
                    }
                });
            }
        }
    }
}
