package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.spring.web.read.AuditChainController;
import io.auditrail.spring.web.read.AuditProofController;
import io.auditrail.spring.web.read.AuditReadController;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class AuditrailChainWebAutoConfigurationTests {

    private WebApplicationContextRunner runner() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class,
                        AuditrailJdbcAutoConfiguration.class, AuditrailChainAutoConfiguration.class,
                        AuditrailSecurityAutoConfiguration.class, AuditrailReadAutoConfiguration.class,
                        AuditrailChainWebAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("auditrail.dispatch=sync", "auditrail.chain.seal-interval=1h");
    }

    @Test
    void theLogsEndpointsComeWithTheLogAndTheReadEndpoints() {
        runner().withPropertyValues("auditrail.web.enabled=true", "auditrail.chain.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AuditProofController.class)
                        .hasSingleBean(AuditChainController.class));
        runner().withPropertyValues("auditrail.web.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(AuditReadController.class)
                        .doesNotHaveBean(AuditProofController.class).doesNotHaveBean(AuditChainController.class));
        runner().withPropertyValues("auditrail.chain.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditProofController.class));
    }

    @Test
    void aBadKeyStopsTheStartOfTheProofEndpointsToo() {
        runner().withPropertyValues("auditrail.web.enabled=true", "auditrail.chain.enabled=true",
                "auditrail.chain.public-key=not a key")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("auditrail.chain.public-key: "));
    }
}
