package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.MariaDbConfig;

class MariaDbJdbcOutboxTest extends AbstractJdbcOutboxContractTest {

    @Override
    protected DbConfig dbConfig() {
        return MariaDbConfig.get();
    }
}
