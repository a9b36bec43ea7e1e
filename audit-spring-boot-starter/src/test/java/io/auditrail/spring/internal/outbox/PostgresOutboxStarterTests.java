package io.auditrail.spring.internal.outbox;

import io.auditrail.jdbc.contract.PostgresConfig;
import javax.sql.DataSource;

/** Real PostgreSQL: embedded binaries, or AUDITRAIL_TEST_POSTGRES_URL. */
class PostgresOutboxStarterTests extends AbstractOutboxStarterTests {

    @Override
    protected DataSource dataSource() {
        return PostgresConfig.get().dataSource();
    }
}
