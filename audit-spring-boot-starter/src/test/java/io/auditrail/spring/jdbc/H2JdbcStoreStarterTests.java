package io.auditrail.spring.jdbc;

import io.auditrail.jdbc.contract.H2Config;
import javax.sql.DataSource;

class H2JdbcStoreStarterTests extends AbstractJdbcStoreStarterTests {

    @Override
    protected DataSource dataSource() {
        return H2Config.INSTANCE.dataSource();
    }

    @Override
    protected String schemaMode() {
        return "embedded";
    }
}
