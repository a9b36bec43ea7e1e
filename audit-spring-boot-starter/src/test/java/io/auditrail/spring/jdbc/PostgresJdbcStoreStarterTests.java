package io.auditrail.spring.jdbc;

import io.auditrail.jdbc.contract.PostgresConfig;
import javax.sql.DataSource;

/** Real PostgreSQL: embedded binaries, or AUDITRAIL_TEST_POSTGRES_URL. */
class PostgresJdbcStoreStarterTests extends AbstractJdbcStoreStarterTests {

    @Override
    protected DataSource dataSource() {
        return PostgresConfig.get().dataSource();
    }

    @Override
    protected String schemaMode() {
        return "always";
    }
}
