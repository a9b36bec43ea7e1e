package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.PostgresConfig;

class PostgresJdbcOutboxTest extends AbstractJdbcOutboxContractTest {

    @Override
    protected DbConfig dbConfig() {
        return PostgresConfig.get();
    }
}
