package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.H2Config;

class H2JdbcOutboxTest extends AbstractJdbcOutboxContractTest {

    @Override
    protected DbConfig dbConfig() {
        return H2Config.INSTANCE;
    }
}
