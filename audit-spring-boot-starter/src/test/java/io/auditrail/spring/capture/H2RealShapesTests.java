package io.auditrail.spring.capture;

import io.auditrail.jdbc.contract.H2Config;
import javax.sql.DataSource;

class H2RealShapesTests extends AbstractRealShapesTests {

    @Override
    protected DataSource dataSource() {
        return H2Config.INSTANCE.dataSource();
    }
}
