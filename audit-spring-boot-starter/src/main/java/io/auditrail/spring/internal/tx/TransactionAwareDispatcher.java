package io.auditrail.spring.internal.tx;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.internal.tx.TransactionCompletion;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.spi.AuditMonitor;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ties events to the outcome of the caller's Spring transaction.
 *
 * <ul>
 *   <li>No transaction: the event is handed over at once.</li>
 *   <li>{@link Mode#IN_TRANSACTION} (the JDBC sink): a success event is written at once, on
 *       the transaction's own connection, so it commits or rolls back with the business
 *       change. A failure event, and a failure in place of a success whose transaction rolled
 *       back, is written after completion in a new transaction, so it survives the rollback.
 *       When the transaction is read-only or does not hold the sink's connection (another
 *       database, JTA), the success event is written after commit in a new transaction instead.</li>
 *   <li>{@link Mode#AFTER_COMMIT} (queues, logs, remote sinks): a success event is handed over
 *       after commit; after a rollback a failure event is handed over instead.</li>
 * </ul>
 * The failure recorded for a rolled-back transaction keeps the success event's id, so each
 * audited call leaves exactly one event. Its cause is the exception that ended the enclosing
 * {@code @Transactional} call (a constraint violation at flush, a serialisation failure at
 * commit), learnt through {@link TransactionBoundaryAdvisor}; {@link #ROLLED_BACK} only when no
 * exception is known, as when a transaction marked rollback-only ends without one.
 */
public final class TransactionAwareDispatcher implements AuditDispatcher {

    /** Error type recorded when the transaction of a successful call rolls back. */
    public static final String ROLLED_BACK = "org.springframework.transaction.TransactionRolledBack";

    private static final Logger log = LoggerFactory.getLogger(TransactionAwareDispatcher.class);

    /** When events reach the delegate relative to the transaction. */
    public enum Mode {
        /** Success events join the transaction; the delegate writes on its connection. */
        IN_TRANSACTION,
        /** Events wait for the transaction to end. */
        AFTER_COMMIT
    }

    private final AuditDispatcher delegate;
    private final Mode mode;
    private final TransactionTemplate requiresNew;
    private final BooleanSupplier holdsSinkConnection;
    private final AuditMonitor monitor;
    private final TransactionCompletion completion;

    /**
     * Creates the dispatcher.
     *
     * @param delegate receives the events
     * @param mode when events reach the delegate
     * @param transactionManager opens a separate transaction for writes after completion, when
     *        the delegate writes on the caller's thread through a transaction-joining sink;
     *        {@code null} when it does not (a queue, a log, a remote API)
     * @param holdsSinkConnection whether the current transaction holds the sink's connection;
     *        only consulted in {@link Mode#IN_TRANSACTION}
     * @param monitor told about events that could not be written after completion
     * @param failureOf the failure outcome recorded for the exception that made a transaction fail
     */
    public TransactionAwareDispatcher(AuditDispatcher delegate, Mode mode, PlatformTransactionManager transactionManager,
            BooleanSupplier holdsSinkConnection, AuditMonitor monitor, Function<Throwable, Outcome> failureOf) {
        if (mode == Mode.IN_TRANSACTION && transactionManager == null) {
            throw new IllegalArgumentException("in-transaction dispatch needs a transaction manager");
        }
        this.delegate = delegate;
        this.mode = mode;
        this.holdsSinkConnection = holdsSinkConnection;
        this.monitor = monitor;
        this.completion = new TransactionCompletion(ROLLED_BACK, UnexpectedRollbackException.class::isInstance,
                failureOf);
        this.requiresNew = transactionManager == null ? null : new TransactionTemplate(transactionManager);
        if (requiresNew != null) {
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    @Override
    public void dispatch(AuditEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            delegate.dispatch(event);
            return;
        }
        boolean writeNow = event.outcome().isSuccess() && mode == Mode.IN_TRANSACTION
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && holdsSinkConnection.getAsBoolean();
        if (writeNow) {
            delegate.dispatch(event);
        }
        TransactionSynchronizationManager.registerSynchronization(new AfterCompletion(event, writeNow));
    }

    @Override
    public DrainResult close(Duration timeout) {
        return delegate.close(timeout);
    }

    private void afterCompletion(AuditEvent event, boolean writtenInTransaction, int status) {
        completion.afterCompletion(event, writtenInTransaction, switch (status) {
            case TransactionSynchronization.STATUS_COMMITTED -> TransactionCompletion.Status.COMMITTED;
            case TransactionSynchronization.STATUS_ROLLED_BACK -> TransactionCompletion.Status.ROLLED_BACK;
            default -> TransactionCompletion.Status.UNKNOWN;
        }, this::write);
    }

    private void write(AuditEvent toSend) {
        try {
            if (requiresNew != null) {
                // The finished transaction's connection is still bound here; only a new transaction escapes it.
                requiresNew.executeWithoutResult(ignored -> delegate.dispatch(toSend));
            } else {
                delegate.dispatch(toSend);
            }
        } catch (RuntimeException e) {
            monitor.captureFailed(toSend.action(), e);
            log.error("Could not record audit event {} ({}, {}) after its transaction ended", toSend.id(),
                    toSend.action(), toSend.outcome().status(), e);
        }
    }

    private final class AfterCompletion implements TransactionSynchronization {

        private final AuditEvent event;
        private final boolean writtenInTransaction;

        AfterCompletion(AuditEvent event, boolean writtenInTransaction) {
            this.event = event;
            this.writtenInTransaction = writtenInTransaction;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionAwareDispatcher.this.afterCompletion(event, writtenInTransaction, status);
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}
