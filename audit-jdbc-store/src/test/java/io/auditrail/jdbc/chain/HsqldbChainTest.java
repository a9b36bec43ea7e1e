package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.contract.HsqldbConfig;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/** HSQLDB is best effort, like H2: the log's tables and keys, no insert-only triggers. */
class HsqldbChainTest extends AbstractChainTest {

    @Override
    DataSource dataSource() {
        return HsqldbConfig.INSTANCE.dataSource();
    }

    @Override
    DataSource secondDataSource() {
        JDBCDataSource second = new JDBCDataSource();
        second.setURL(((JDBCDataSource) dataSource()).getURL());
        second.setUser("SA");
        second.setPassword("");
        return second;
    }

    @Override
    void dropGuards(Statement statement) {
        // nothing guards the tables here
    }
}
