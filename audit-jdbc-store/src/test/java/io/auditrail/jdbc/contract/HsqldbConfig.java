package io.auditrail.jdbc.contract;

import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * An in-process, in-memory HSQLDB that lives as long as the test JVM. It runs in MVCC mode: in
 * HSQLDB's default locking mode a reader waits for every open writer, so the suite's checks that
 * another connection does not see uncommitted rows would wait forever instead.
 */
public final class HsqldbConfig implements DbConfig {

    /** The one instance per test JVM. */
    public static final HsqldbConfig INSTANCE = new HsqldbConfig();

    private final JDBCDataSource dataSource = new JDBCDataSource();

    private HsqldbConfig() {
        dataSource.setURL("jdbc:hsqldb:mem:auditrail;hsqldb.tx=mvcc");
        dataSource.setUser("SA");
        dataSource.setPassword("");
    }

    @Override
    public String name() {
        return "HSQLDB";
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
