package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.contract.H2Config;
import java.sql.Statement;
import javax.sql.DataSource;

/** The log's read paths on H2. */
class H2LogReadsTest extends AbstractLogReadsTest {

    @Override
    DataSource dataSource() {
        return H2Config.INSTANCE.dataSource();
    }

    @Override
    void dropGuards(Statement statement) {
        // nothing guards the tables here
    }
}
