package io.auditrail.jdbc.stream;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.MariaDbConfig;

class MariaDbStreamDeliveryTest extends AbstractStreamDeliveryTest {

    @Override
    protected DbConfig dbConfig() {
        return MariaDbConfig.get();
    }
}
