package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.contract.H2Config;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** H2 is best effort: the chain and its unique constraints, no append-only triggers. */
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
    void dropGuards(Statement statement) throws SQLException {
        statement.execute("DROP INDEX IF EXISTS " + table + "_chain_seq_uk");
        statement.execute("DROP INDEX IF EXISTS " + table + "_chain_prev_uk");
    }
}
