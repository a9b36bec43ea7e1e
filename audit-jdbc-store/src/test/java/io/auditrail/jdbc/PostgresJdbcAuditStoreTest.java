package io.auditrail.jdbc;

import io.auditrail.jdbc.contract.AbstractJdbcAuditStoreContractTest;
import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.PostgresConfig;

class PostgresJdbcAuditStoreTest extends AbstractJdbcAuditStoreContractTest {

    @Override
    protected DbConfig dbConfig() {
        return PostgresConfig.get();
    }
}
