package io.auditrail.jdbc;

import io.auditrail.jdbc.contract.AbstractJdbcAuditStoreContractTest;
import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.HsqldbConfig;

class HsqldbJdbcAuditStoreTest extends AbstractJdbcAuditStoreContractTest {

    @Override
    protected DbConfig dbConfig() {
        return HsqldbConfig.INSTANCE;
    }
}
