package io.auditrail.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTablesAndPlansTest {

    @Test
    void tableNamesComeFromAValidatedPrefix() {
        ServerTables tables = ServerTables.withPrefix("audit.srv_");
        assertThat(tables.apiKeys().qualified()).isEqualTo("audit.srv_api_keys");
        assertThat(tables.organizations().qualified()).isEqualTo("audit.srv_organizations");
        assertThat(tables.usage().qualified()).isEqualTo("audit.srv_usage");
        assertThatThrownBy(() -> ServerTables.withPrefix("x; DROP TABLE audit_events; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerTables.withPrefix("a.b.c_")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDdlOfEveryDatabaseNamesOnlyTheConfiguredTables() {
        ServerSchema schema = new ServerSchema(null, ServerTables.withPrefix("t_"));
        for (String dialect : List.of("h2", "postgresql", "mysql")) {
            List<String> statements = schema.statements(dialect);
            assertThat(statements).as(dialect).isNotEmpty().allSatisfy(sql -> assertThat(sql).doesNotContain("${"));
            assertThat(String.join("\n", statements)).contains("t_organizations", "t_api_keys", "t_usage");
        }
        assertThat(ServerSchema.dialect("MariaDB")).isEqualTo("mysql");
        assertThatThrownBy(() -> ServerSchema.dialect("Oracle")).hasMessageContaining("Oracle");
    }

    @Test
    void theDefaultPlanMustExistAndUnknownStoredPlansFallBackToIt() {
        Plan free = new Plan("free", 10L, Duration.ofDays(14));
        Plans plans = new Plans(List.of(free, new Plan("pro", null, null)), "free");
        assertThat(plans.resolve("retired")).isEqualTo(free);
        assertThat(plans.find("pro").orElseThrow().retentionDays()).isNull();
        assertThatThrownBy(() -> new Plans(List.of(free), "gold"))
                .hasMessage("auditrail.server.default-plan 'gold' is not one of the configured plans [free]");
        assertThatThrownBy(() -> new Plan("neg", -1L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plan("zero", 1L, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
