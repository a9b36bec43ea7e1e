package io.auditrail.spring.capture;

import io.auditrail.jdbc.contract.PostgresConfig;
import javax.sql.DataSource;

/** Real PostgreSQL: embedded binaries, or AUDITRAIL_TEST_POSTGRES_URL. */
class PostgresRealShapesTests extends AbstractRealShapesTests {

    @Override
    protected DataSource dataSource() {
        return PostgresConfig.get().dataSource();
    }
}
