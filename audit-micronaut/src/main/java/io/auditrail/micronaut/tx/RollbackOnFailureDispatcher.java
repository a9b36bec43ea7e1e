package io.auditrail.micronaut.tx;

import io.auditrail.core.capture.AuditException;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.event.AuditEvent;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.time.Duration;

/**
 * Makes the caller's transaction fail when its event could not be appended inside it,
 * whatever the failure policy: the outbox promises that no change commits without its event.
 * The failure is rethrown as well, for the failure policy to judge the call itself.
 */
final class RollbackOnFailureDispatcher implements AuditDispatcher {

    private final AuditDispatcher delegate;
    private final MicronautTransactions transactions;

    RollbackOnFailureDispatcher(AuditDispatcher delegate, MicronautTransactions transactions) {
        this.delegate = delegate;
        this.transactions = transactions;
    }

    @Override
    public void dispatch(AuditEvent event) {
        try {
            delegate.dispatch(event);
        } catch (RuntimeException e) {
            transactions.current().ifPresent(status -> status.registerSynchronization(new RefuseCommit(event, e)));
            throw e;
        }
    }

    @Override
    public DrainResult close(Duration timeout) {
        return delegate.close(timeout);
    }

    /** Throwing before commit makes the transaction manager roll back and report it to the committer. */
    private record RefuseCommit(AuditEvent event, RuntimeException failure) implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            throw new AuditException("audit event " + event.id() + " (" + event.action() + ") could not be written to "
                    + "the outbox, so this transaction is rolled back: " + failure.getMessage(), failure);
        }
    }
}
