package io.auditrail.micronaut.tx;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.internal.tx.TransactionCompletion;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.spi.AuditMonitor;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the JDBC store's events to the caller's Micronaut transaction, as the Spring starter
 * does with Spring's:
 * <ul>
 *   <li>No transaction: the event is written at once.</li>
 *   <li>A success event in a read-write transaction is written at once on the transaction's
 *       connection, so it commits or rolls back with the business change. If the transaction
 *       rolls back, a failure with the same event id is written after it, in a new transaction.</li>
 *   <li>A failure event, or a success in a read-only transaction, is written after the
 *       transaction ends, in a new transaction, so it survives a rollback.</li>
 * </ul>
 * A sink outside the database ({@code joinsTransaction} false) gets every event only after the
 * transaction ends, on the thread that ended it and in no transaction, with the same
 * success-to-failure turn on rollback. The failure names the exception that ended the enclosing
 * {@code @Transactional} call (see {@link TransactionBoundaryInterceptor}), {@link #ROLLED_BACK}
 * only when there was none.
 */
final class TransactionAwareDispatcher implements AuditDispatcher {

    /** Error type recorded when the transaction of a successful call rolls back. */
    static final String ROLLED_BACK = "io.micronaut.transaction.TransactionRolledBack";

    private static final Logger log = LoggerFactory.getLogger(TransactionAwareDispatcher.class);

    private final AuditDispatcher delegate;
    private final MicronautTransactions transactions;
    private final AuditMonitor monitor;
    private final boolean joinsTransaction;
    private final TransactionCompletion completion;

    TransactionAwareDispatcher(AuditDispatcher delegate, MicronautTransactions transactions, AuditMonitor monitor,
            boolean joinsTransaction, Function<Throwable, Outcome> failureOf) {
        this.delegate = delegate;
        this.transactions = transactions;
        this.monitor = monitor;
        this.joinsTransaction = joinsTransaction;
        this.completion = new TransactionCompletion(ROLLED_BACK, UnexpectedRollbackException.class::isInstance,
                failureOf);
    }

    @Override
    public void dispatch(AuditEvent event) {
        Optional<? extends TransactionStatus<?>> current = transactions.current();
        if (current.isEmpty()) {
            delegate.dispatch(event);
            return;
        }
        TransactionStatus<?> status = current.get();
        boolean readOnly = status.getTransactionDefinition().isReadOnly().orElse(false);
        boolean writeNow = joinsTransaction && event.outcome().isSuccess() && !readOnly;
        if (writeNow) {
            delegate.dispatch(event);
        }
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completion) {
                TransactionAwareDispatcher.this.afterCompletion(event, writeNow, completion);
            }
        });
    }

    private void afterCompletion(AuditEvent event, boolean writtenInTransaction,
            TransactionSynchronization.Status completion) {
        this.completion.afterCompletion(event, writtenInTransaction, switch (completion) {
            case COMMITTED -> TransactionCompletion.Status.COMMITTED;
            case ROLLED_BACK -> TransactionCompletion.Status.ROLLED_BACK;
            default -> TransactionCompletion.Status.UNKNOWN;
        }, this::write);
    }

    private void write(AuditEvent toSend) {
        try {
            if (joinsTransaction) {
                transactions.manager().execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                        status -> {
                            delegate.dispatch(toSend);
                            return null;
                        });
            } else {
                delegate.dispatch(toSend);
            }
        } catch (RuntimeException e) {
            monitor.captureFailed(toSend.action(), e);
            log.error("Could not record audit event {} ({}, {}) after its transaction ended", toSend.id(),
                    toSend.action(), toSend.outcome().status(), e);
        }
    }

    @Override
    public DrainResult close(Duration timeout) {
        return delegate.close(timeout);
    }
}
