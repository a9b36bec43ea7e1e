package io.auditrail.core.internal.tx;

import io.auditrail.core.capture.AuditException;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the caller's transaction fail when its event could not be handed over inside it,
 * whatever the failure policy: the outbox promises that no change commits without its event.
 * The failure is rethrown as well, for the failure policy to judge the call itself.
 */
public final class RollbackOnFailureDispatcher implements AuditDispatcher {

    private final AuditDispatcher delegate;
    private final CallerTransaction transaction;

    /**
     * Creates the dispatcher.
     *
     * @param delegate writes in the caller's transaction, such as the outbox dispatcher
     * @param transaction the framework's view of the caller's transaction
     */
    public RollbackOnFailureDispatcher(AuditDispatcher delegate, CallerTransaction transaction) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
    }

    @Override
    public void dispatch(AuditEvent event) {
        try {
            delegate.dispatch(event);
        } catch (RuntimeException e) {
            transaction.failBeforeCommit(new AuditException("audit event " + event.id() + " (" + event.action()
                    + ") could not be written to the outbox, so this transaction is rolled back: " + e.getMessage(), e));
            throw e;
        }
    }

    @Override
    public DrainResult close(Duration timeout) {
        return delegate.close(timeout);
    }
}
