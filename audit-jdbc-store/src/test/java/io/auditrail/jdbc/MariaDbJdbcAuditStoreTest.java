package io.auditrail.jdbc;

import io.auditrail.jdbc.contract.AbstractJdbcAuditStoreContractTest;
import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.MariaDbConfig;

class MariaDbJdbcAuditStoreTest extends AbstractJdbcAuditStoreContractTest {

    @Override
    protected DbConfig dbConfig() {
        return MariaDbConfig.get();
    }
}
