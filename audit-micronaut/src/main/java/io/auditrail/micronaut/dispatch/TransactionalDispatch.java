package io.auditrail.micronaut.dispatch;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.spi.AuditMonitor;

/**
 * Ties writes on the caller's thread to the caller's transaction. Present as a bean only when
 * the application has a transaction manager; {@link #NONE} otherwise.
 */
public interface TransactionalDispatch {

    /** No transaction manager: every write commits on its own. */
    TransactionalDispatch NONE = new TransactionalDispatch() {
        @Override
        public AuditDispatcher wrap(AuditDispatcher dispatcher, AuditMonitor monitor) {
            return dispatcher;
        }

        @Override
        public AuditDispatcher wrapOutbox(AuditDispatcher dispatcher, AuditMonitor monitor) {
            return dispatcher;
        }

        @Override
        public AuditDispatcher afterCompletion(AuditDispatcher dispatcher, AuditMonitor monitor) {
            return dispatcher;
        }
    };

    /**
     * Wraps the dispatcher of a sink that joins transactions.
     *
     * @param dispatcher writes on the caller's thread
     * @param monitor told about events that could not be written after completion
     * @return the transaction-aware dispatcher
     */
    AuditDispatcher wrap(AuditDispatcher dispatcher, AuditMonitor monitor);

    /**
     * Wraps an outbox dispatcher: appended in the caller's transaction like a transaction-joining
     * sink, and a failed append fails that transaction whatever the failure policy, so that no
     * change commits without its event.
     *
     * @param dispatcher appends to the outbox on the caller's thread
     * @param monitor told about events that could not be appended after completion
     * @return the transaction-aware dispatcher
     */
    AuditDispatcher wrapOutbox(AuditDispatcher dispatcher, AuditMonitor monitor);

    /**
     * Wraps the dispatcher of a sink outside the application's database (async or sync): inside a
     * transaction, events are handed over only once it has ended, a success of a rolled-back
     * transaction as a failure, so such a sink never sees a change that did not commit.
     *
     * @param dispatcher queues or writes the event
     * @param monitor told about events that could not be handed over after completion
     * @return the transaction-aware dispatcher
     */
    AuditDispatcher afterCompletion(AuditDispatcher dispatcher, AuditMonitor monitor);
}
