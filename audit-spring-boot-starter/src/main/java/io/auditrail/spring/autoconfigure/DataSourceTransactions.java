package io.auditrail.spring.autoconfigure;

import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether the Spring transaction on the current thread holds a connection of the audit
 * {@code DataSource}. The JDBC store joins the transaction exactly when this holds, and the
 * dispatcher writes inside it exactly then: both must ask the same question, or the store
 * would commit a connection that belongs to the caller.
 */
final class DataSourceTransactions {

    private DataSourceTransactions() {
    }

    static BooleanSupplier holding(DataSource dataSource) {
        return () -> TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(dataSource);
    }
}
