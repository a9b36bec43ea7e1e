package io.auditrail.spring.webread;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.web.contract.AbstractReadEndpointsContractTest;
import io.auditrail.jdbc.JdbcAuditStore;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shared read-endpoint contract over real HTTP, with real users of two organisations and a real H2 store. */
@SpringBootTest(classes = ReadWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auditrail.web.enabled=true", "spring.datasource.url=jdbc:h2:mem:read-endpoints;DB_CLOSE_DELAY=-1"})
class ReadEndpointsIntegrationTests extends AbstractReadEndpointsContractTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcAuditStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected void replaceEvents(List<AuditEvent> events) {
        jdbc.update("DELETE FROM audit_events");
        store.write(events);
    }
}
