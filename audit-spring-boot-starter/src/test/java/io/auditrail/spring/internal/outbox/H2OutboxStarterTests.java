package io.auditrail.spring.internal.outbox;

import io.auditrail.jdbc.contract.H2Config;
import javax.sql.DataSource;

class H2OutboxStarterTests extends AbstractOutboxStarterTests {

    @Override
    protected DataSource dataSource() {
        return H2Config.INSTANCE.dataSource();
    }
}
