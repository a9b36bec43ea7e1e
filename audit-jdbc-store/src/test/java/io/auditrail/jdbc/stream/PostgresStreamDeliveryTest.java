package io.auditrail.jdbc.stream;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.PostgresConfig;

class PostgresStreamDeliveryTest extends AbstractStreamDeliveryTest {

    @Override
    protected DbConfig dbConfig() {
        return PostgresConfig.get();
    }
}
