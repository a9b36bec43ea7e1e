package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.schema.SchemaValidationException;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The start-up schema check through {@code JdbcStoreFactory} and {@code OutboxFactory}, on the shared H2. */
class SchemaCheckTest {

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void aMissingAuditTableStopsStartUpNamingTheTableAndTheDdl() {
        String table = "mn_missing_" + suffix;

        assertThatThrownBy(() -> ApplicationContext.run(Map.of("auditrail.jdbc.table-name", table,
                "auditrail.jdbc.initialize-schema", "never"), "h2").close())
                .hasRootCauseInstanceOf(SchemaValidationException.class)
                .hasStackTraceContaining("audit table " + table + " does not exist")
                .hasStackTraceContaining("io/auditrail/jdbc/schema/v1/schema-h2.sql");
    }

    @Test
    void aMissingOutboxTableStopsStartUpEvenWithoutARelay() {
        String outbox = "mn_outbox_" + suffix;

        assertThatThrownBy(() -> ApplicationContext.run(Map.of("auditrail.dispatch", "outbox", "auditrail.sink", "log",
                "auditrail.outbox.table-name", outbox, "auditrail.outbox.initialize-schema", "never",
                "auditrail.outbox.relay-enabled", "false"), "h2").close())
                .hasRootCauseInstanceOf(SchemaValidationException.class)
                .hasStackTraceContaining("outbox table " + outbox + " does not exist");
    }

    @Test
    void theCheckCanBeSwitchedOff() {
        String table = "mn_unchecked_" + suffix;

        try (ApplicationContext context = ApplicationContext.run(Map.of("auditrail.jdbc.table-name", table,
                "auditrail.jdbc.initialize-schema", "never", "auditrail.jdbc.validate-schema", "false"), "h2")) {
            assertThat(context.getBean(JdbcAuditStore.class)).isNotNull();
        }
    }
}
