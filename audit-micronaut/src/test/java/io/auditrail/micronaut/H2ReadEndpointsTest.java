package io.auditrail.micronaut;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.web.contract.AbstractReadEndpointsContractTest;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.H2Config;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The starter's read-endpoint and viewer contract, on Micronaut's Netty server with Micronaut Security and H2. */
@MicronautTest(environments = "h2", transactional = false)
@Property(name = "auditrail.web.enabled", value = "true")
@Property(name = "auditrail.jdbc.table-name", value = "mn_read_events")
class H2ReadEndpointsTest extends AbstractReadEndpointsContractTest {

    @Inject
    EmbeddedServer server;

    @Inject
    JdbcAuditStore store;

    @Override
    protected int port() {
        return server.getPort();
    }

    @Override
    protected String password(String user) {
        return "secret";
    }

    @Override
    protected void replaceEvents(List<AuditEvent> events) {
        try (Connection connection = H2Config.INSTANCE.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM mn_read_events");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        store.write(events);
    }
}
