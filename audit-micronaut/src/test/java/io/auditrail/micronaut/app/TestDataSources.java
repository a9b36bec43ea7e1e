package io.auditrail.micronaut.app;

import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The application's DataSource, named like micronaut-jdbc's: the jdbc-store's shared H2 or embedded PostgreSQL, by environment. */
@Factory
public class TestDataSources {

    @Singleton
    @Named("default")
    @Requires(env = "h2")
    DataSource h2() {
        return H2Config.INSTANCE.dataSource();
    }

    @Singleton
    @Named("default")
    @Requires(env = "postgres")
    DataSource postgres() {
        return PostgresConfig.get().dataSource();
    }
}
