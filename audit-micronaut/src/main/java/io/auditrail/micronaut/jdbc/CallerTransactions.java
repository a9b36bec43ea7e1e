package io.auditrail.micronaut.jdbc;

import javax.sql.DataSource;

/**
 * What the JDBC store needs to know about the application's transactions: which connections
 * to borrow, and whether the one it gets belongs to a transaction of the caller. Without a
 * transaction manager, {@link #NONE}: the store borrows from the data source and commits its
 * own work.
 */
public interface CallerTransactions {

    /** No transaction manager. */
    CallerTransactions NONE = new CallerTransactions() {
        @Override
        public DataSource connections(DataSource dataSource) {
            return dataSource;
        }

        @Override
        public boolean active() {
            return false;
        }
    };

    /**
     * The data source the store borrows from, handing out the transaction's connection inside one.
     *
     * @param dataSource the application's data source
     * @return the data source for the store
     */
    DataSource connections(DataSource dataSource);

    /**
     * The data source without the transaction manager's wrapping, for work that commits on its
     * own and must never join a business transaction (the transparency log's sealing).
     *
     * @param dataSource the application's data source
     * @return the underlying pool
     */
    default DataSource plain(DataSource dataSource) {
        return dataSource;
    }

    /**
     * Whether a transaction of the caller holds the store's connection on this thread.
     *
     * @return {@code true} inside such a transaction
     */
    boolean active();
}
