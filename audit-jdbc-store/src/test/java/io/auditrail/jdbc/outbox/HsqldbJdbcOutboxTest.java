package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.HsqldbConfig;

/** HSQLDB has no {@code SKIP LOCKED}, so its relays claim by compare-and-set. */
class HsqldbJdbcOutboxTest extends AbstractJdbcOutboxContractTest {

    @Override
    protected DbConfig dbConfig() {
        return HsqldbConfig.INSTANCE;
    }

    @Override
    protected boolean hasSkipLocked() {
        return false;
    }
}
