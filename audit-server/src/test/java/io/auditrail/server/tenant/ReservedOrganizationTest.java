package io.auditrail.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.jdbc.contract.H2Config;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** No tenant can be given the organisation that holds security events of no tenant. */
class ReservedOrganizationTest {

    @Test
    void noKeyIsIssuedForTheUnattributedOrganisation() {
        DataSource dataSource = H2Config.INSTANCE.dataSource();
        ServerTables tables = ServerTables.withPrefix("srv_reserved_");
        new ServerSchema(dataSource, tables).create();
        TenantDirectory directory = new TenantDirectory(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), tables,
                new Plans(List.of(new Plan("free", null, null)), "free"), new ApiKeySecrets(), Clock.systemUTC());

        assertThatThrownBy(() -> directory.createKey("_unattributed", null, "ci"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_unattributed' is reserved");
        assertThat(directory.organization("_unattributed")).isEmpty();
    }
}
