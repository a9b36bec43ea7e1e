package io.auditrail.micronaut.dispatch;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.spi.AuditMonitor;

/**
 * Ties a transaction-joining sink's writes to the caller's transaction. Present as a bean
 * only when the application has a transaction manager.
 */
public interface TransactionalDispatch {

    /**
     * Wraps the dispatcher of a sink that joins transactions.
     *
     * @param dispatcher writes on the caller's thread
     * @param monitor told about events that could not be written after completion
     * @return the transaction-aware dispatcher
     */
    AuditDispatcher wrap(AuditDispatcher dispatcher, AuditMonitor monitor);
}
