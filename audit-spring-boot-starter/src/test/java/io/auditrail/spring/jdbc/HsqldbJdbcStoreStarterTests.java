package io.auditrail.spring.jdbc;

import io.auditrail.jdbc.contract.HsqldbConfig;
import javax.sql.DataSource;

class HsqldbJdbcStoreStarterTests extends AbstractJdbcStoreStarterTests {

    @Override
    protected DataSource dataSource() {
        return HsqldbConfig.INSTANCE.dataSource();
    }

    @Override
    protected String schemaMode() {
        return "embedded";
    }
}
