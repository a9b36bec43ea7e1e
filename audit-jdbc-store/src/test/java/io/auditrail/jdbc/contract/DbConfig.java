package io.auditrail.jdbc.contract;

import io.auditrail.core.config.InitializeSchema;
import javax.sql.DataSource;

/**
 * One database the contract suite runs against: an embedded or external server, started
 * once per test JVM and shared by every test class that uses it.
 */
public interface DbConfig {

    /**
     * Name for test output.
     *
     * @return for example {@code "PostgreSQL"}
     */
    String name();

    /**
     * A data source handing out a new connection per call, in auto-commit mode.
     *
     * @return the shared data source
     */
    DataSource dataSource();

    /**
     * Whether the server runs in this JVM, so {@code InitializeSchema.EMBEDDED} creates tables.
     *
     * @return {@code true} for H2
     */
    boolean isEmbedded();
}
