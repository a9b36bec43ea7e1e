package io.auditrail.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.jdbc.dialect.UnsupportedDatabaseException;
import io.auditrail.jdbc.schema.SchemaValidationException;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.spring.fixtures.RecordingSink;
import io.auditrail.spring.fixtures.TypoService;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Real {@code SpringApplication} starts that fail on Auditrail's start-up errors: each prints the
 * "APPLICATION FAILED TO START" report with the problem and the action, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditrailFailureAnalyzersTests {

    private static final String NL = System.lineSeparator();

    @Test
    void anExpressionTypoNamesTheMethodAndHowToReferToParameters(CapturedOutput output) {
        assertThatThrownBy(() -> start(TypoApplication.class))
                .hasRootCauseInstanceOf(InvalidAuditConfigurationException.class);
        assertReport(output);
        assertThat(output).contains("Description:" + NL + NL + "Auditrail cannot audit as configured:" + NL + NL
                        + "Invalid @Audited on " + TypoService.class.getName() + ".delete(String): resourceId expression"
                        + " '#invoiceIdd' is invalid: unknown variable #invoiceIdd")
                .contains("Action:" + NL + NL + "Correct each @Audited attribute or auditrail.* setting named above."
                        + " An expression names the method's parameters as #name, #p0 or #a0");
    }

    @Test
    void aMissingTableNamesTheDdlAndTheSettingThatSkipsTheCheck(CapturedOutput output) {
        String table = "missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assertThatThrownBy(() -> start(H2Application.class, "auditrail.jdbc.table-name=" + table,
                "auditrail.jdbc.initialize-schema=never")).hasRootCauseInstanceOf(SchemaValidationException.class);
        assertReport(output);
        assertThat(output).contains("Description:" + NL + NL + "Auditrail's tables are not as it needs them:" + NL + NL
                        + "audit table " + table + " does not exist. Create it with the DDL in"
                        + " io/auditrail/jdbc/schema/v1/schema-h2.sql")
                .contains("Action:" + NL + NL + "Run the DDL named above on the application's database")
                .contains("To start without this check, set auditrail.jdbc.validate-schema=false.");
    }

    @Test
    void anUnsupportedDatabaseNamesTheSupportedOnesAndTheOtherSinks(CapturedOutput output) {
        assertThatThrownBy(() -> start(DerbyApplication.class))
                .hasRootCauseInstanceOf(UnsupportedDatabaseException.class);
        assertReport(output);
        assertThat(output).contains("Description:" + NL + NL + "The Auditrail JDBC store supports PostgreSQL,"
                        + " MySQL/MariaDB, H2 and HSQLDB, not 'Apache Derby'.")
                .contains("Action:" + NL + NL + "To audit an application on this database without the store, choose"
                        + " another sink: auditrail.sink=log");
    }

    @Test
    void aListedSinkWhoseModuleIsMissingSaysWhatToAdd(CapturedOutput output) {
        assertThatThrownBy(() -> start(NoDataSourceApplication.class, "auditrail.sink=jdbc"))
                .hasRootCauseInstanceOf(InvalidAuditConfigurationException.class);
        assertReport(output);
        assertThat(output).contains("Description:" + NL + NL + "Auditrail cannot audit as configured:" + NL + NL
                + "auditrail.sink lists jdbc but there is no JDBC audit store: add audit-jdbc-store and a DataSource");
    }

    @Test
    void anUnknownSinkNameListsTheSinksThatAreAvailable(CapturedOutput output) {
        assertThatThrownBy(() -> start(NoDataSourceApplication.class, "auditrail.sink=log,lgo"))
                .hasRootCauseInstanceOf(InvalidAuditConfigurationException.class);
        assertReport(output);
        assertThat(output).contains("Description:" + NL + NL + "Auditrail cannot audit as configured:" + NL + NL
                + "auditrail.sink lists 'lgo', which no sink here is named; the sinks available are http, kafka, log."
                + " A sink module adds its name through META-INF/services/io.auditrail.core.spi.AuditSinkProvider");
    }

    /** The report replaces Boot's "Application run failed" log entry and its stack trace. */
    private static void assertReport(CapturedOutput output) {
        assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("Application run failed")
                .doesNotContain(NL + "\tat ");
    }

    private static void start(Class<?> application, String... properties) {
        new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "auditrail.dispatch=sync").properties(properties).run();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AopAutoConfiguration.class, AuditrailAutoConfiguration.class})
    static class TypoApplication {

        @Bean
        RecordingSink recordingSink() {
            return new RecordingSink();
        }

        @Bean
        TypoService typoService() {
            return new TypoService();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AuditrailJdbcAutoConfiguration.class, AuditrailAutoConfiguration.class})
    static class NoDataSourceApplication {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AuditrailJdbcAutoConfiguration.class, AuditrailAutoConfiguration.class})
    static class H2Application {

        @Bean
        DataSource dataSource() {
            return H2Config.INSTANCE.dataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AuditrailJdbcAutoConfiguration.class, AuditrailAutoConfiguration.class})
    static class DerbyApplication {

        @Bean
        DataSource dataSource() {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName("memory:analyzed_" + UUID.randomUUID().toString().replace("-", ""));
            derby.setCreateDatabase("create");
            return derby;
        }
    }
}
