package io.auditrail.jdbc.stream;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.HsqldbConfig;

class HsqldbStreamDeliveryTest extends AbstractStreamDeliveryTest {

    @Override
    protected DbConfig dbConfig() {
        return HsqldbConfig.INSTANCE;
    }
}
