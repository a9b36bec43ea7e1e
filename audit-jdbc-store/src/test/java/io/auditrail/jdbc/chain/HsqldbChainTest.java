package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.contract.HsqldbConfig;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/** HSQLDB is best effort, like H2: the chain and its unique constraints, no append-only triggers. */
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
    void dropGuards(Statement statement) throws SQLException {
        statement.execute("DROP INDEX " + table + "_chain_seq_uk IF EXISTS");
        statement.execute("DROP INDEX " + table + "_chain_prev_uk IF EXISTS");
    }
}
