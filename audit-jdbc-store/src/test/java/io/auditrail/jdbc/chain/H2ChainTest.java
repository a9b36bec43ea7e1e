package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.contract.H2Config;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** H2 is best effort: the log's tables and keys, no insert-only triggers. */
class H2ChainTest extends AbstractChainTest {

    @Override
    DataSource dataSource() {
        return H2Config.INSTANCE.dataSource();
    }

    @Override
    DataSource secondDataSource() {
        JdbcDataSource second = new JdbcDataSource();
        second.setURL(((JdbcDataSource) dataSource()).getURL());
        second.setUser("sa");
        return second;
    }

    @Override
    void dropGuards(Statement statement) {
        // nothing guards the tables here
    }
}
