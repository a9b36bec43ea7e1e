package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Flyway user's set-up: the shipped DDL copied into a migration, Flyway's own placeholders
 * filling in the table name, and Auditrail told not to create anything. The store is created
 * after the migration, so its schema check passes on the first start of an empty database.
 */
class FlywaySchemaCheckTests {

    @TempDir
    Path migrations;

    @Test
    void theSchemaCheckRunsAfterFlywaysMigrations() throws IOException {
        try (InputStream ddl = JdbcAuditStore.class.getResourceAsStream("/io/auditrail/jdbc/schema/v1/schema-h2.sql")) {
            Files.copy(ddl, migrations.resolve("V1__audit_events.sql"));
        }
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:flyway_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        empty.setUser("sa");

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class,
                        AuditrailJdbcAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> empty)
                .withPropertyValues("spring.flyway.locations=filesystem:" + migrations,
                        "spring.flyway.placeholders.table=audit_trail", "spring.flyway.placeholders.name=audit_trail",
                        "auditrail.jdbc.table-name=audit_trail", "auditrail.jdbc.initialize-schema=never")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(new JdbcTemplate(empty).queryForObject(
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"",
                            Long.class)).as("the migration ran").isEqualTo(1L);
                    assertThat(context.getBean(JdbcAuditStore.class).query(AuditQuery.builder().build()).total()).isZero();
                });
    }
}
