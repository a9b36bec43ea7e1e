package io.auditrail.jdbc.stream;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.H2Config;

class H2StreamDeliveryTest extends AbstractStreamDeliveryTest {

    @Override
    protected DbConfig dbConfig() {
        return H2Config.INSTANCE;
    }
}
