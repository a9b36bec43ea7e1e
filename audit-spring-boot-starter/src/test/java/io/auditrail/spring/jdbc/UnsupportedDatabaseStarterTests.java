package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.dialect.UnsupportedDatabaseException;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application on a real database the store does not support: Apache Derby, in memory. */
class UnsupportedDatabaseStarterTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditrailJdbcAutoConfiguration.class,
                    AuditrailAutoConfiguration.class))
            .withBean(DataSource.class, UnsupportedDatabaseStarterTests::derby);

    private static DataSource derby() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:unsupported_" + UUID.randomUUID().toString().replace("-", ""));
        derby.setCreateDatabase("create");
        return derby;
    }

    @Test
    void startUpFailsNamingTheSupportedDatabasesAndTheLogSink() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(UnsupportedDatabaseException.class)
                    .hasMessageContaining("'Apache Derby'")
                    .hasMessageContaining("PostgreSQL, MySQL/MariaDB, H2 and HSQLDB")
                    .hasMessageContaining("auditrail.sink=log");
        });
    }

    @Test
    void theLogSinkAvoidsTheStore() {
        runner.withPropertyValues("auditrail.sink=log").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JdbcAuditStore.class);
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement()
                    .satisfies(sink -> assertThat(sink.name()).isEqualTo("log"));
        });
    }
}
