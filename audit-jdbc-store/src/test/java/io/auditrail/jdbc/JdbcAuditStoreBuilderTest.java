package io.auditrail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.store.AuditStoreException;
import io.auditrail.jdbc.contract.H2Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcAuditStoreBuilderTest {

    private final JdbcAuditStoreBuilder builder = JdbcAuditStore.builder(H2Config.INSTANCE.dataSource())
            .initializeSchema(InitializeSchema.NEVER);

    @Test
    void rejectsNonPositiveRetention() {
        assertThatThrownBy(() -> builder.retention(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> builder.retention("acme", Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention for 'acme'");
        assertThatThrownBy(() -> builder.retention(" ", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void appliesAnOverrideMapWholeOrNotAtAll() throws SQLException {
        builder.retention("globex", Duration.ofDays(365));
        Map<String, Duration> bad = new LinkedHashMap<>();
        bad.put("acme", Duration.ofDays(30));
        bad.put("initech", Duration.ZERO);

        assertThatThrownBy(() -> builder.retentionOverrides(bad)).isInstanceOf(IllegalArgumentException.class);

        JdbcAuditStore store = builder.tableName("audit_builder_test").initializeSchema(InitializeSchema.ALWAYS).build();
        try {
            assertThat(store.usage("globex").retentionDays()).isEqualTo(365);
            assertThat(store.usage("acme").retentionDays()).isNull();
        } finally {
            try (Connection connection = H2Config.INSTANCE.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE audit_builder_test");
            }
        }
    }

    @Test
    void rejectsOutOfRangeSizesAndLimits() {
        assertThatThrownBy(() -> builder.exportFetchSize(0)).hasMessageContaining("export fetch size");
        assertThatThrownBy(() -> builder.purgeBatchSize(10_001)).hasMessageContaining("purge batch size");
        assertThatThrownBy(() -> builder.monthlyEventLimit(-1)).hasMessageContaining("monthly event limit");
    }

    @Test
    void reportsAnUnreachableDatabaseAtBuildTime() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:mem:auditrail-missing;IFEXISTS=TRUE");

        assertThatThrownBy(() -> JdbcAuditStore.builder(unreachable).build())
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("cannot connect");
    }
}
