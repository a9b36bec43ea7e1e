package io.auditrail.spring.capture;

import io.auditrail.jdbc.contract.HsqldbConfig;
import javax.sql.DataSource;

class HsqldbRealShapesTests extends AbstractRealShapesTests {

    @Override
    protected DataSource dataSource() {
        return HsqldbConfig.INSTANCE.dataSource();
    }
}
