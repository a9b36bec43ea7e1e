package io.auditrail.jdbc;

import io.auditrail.jdbc.contract.AbstractJdbcAuditStoreContractTest;
import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.H2Config;

class H2JdbcAuditStoreTest extends AbstractJdbcAuditStoreContractTest {

    @Override
    protected DbConfig dbConfig() {
        return H2Config.INSTANCE;
    }
}
