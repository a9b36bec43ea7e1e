package io.auditrail.jdbc.contract;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database that lives as long as the test JVM. */
public final class H2Config implements DbConfig {

    /** The one instance per test JVM. */
    public static final H2Config INSTANCE = new H2Config();

    private final JdbcDataSource dataSource = new JdbcDataSource();

    private H2Config() {
        dataSource.setURL("jdbc:h2:mem:auditrail;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }
}
