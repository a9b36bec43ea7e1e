package io.auditrail.jdbc;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.sink.contract.AbstractAuditSinkContractTest;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.jdbc.contract.HsqldbConfig;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The JDBC store as a sink on in-process HSQLDB, which has no network to lose. */
class HsqldbJdbcSinkContractTest extends AbstractAuditSinkContractTest {

    private final JdbcSinkDestination destination = new JdbcSinkDestination(HsqldbConfig.INSTANCE.dataSource());

    @AfterEach
    void drop() throws SQLException {
        destination.close();
    }

    @Override
    protected AuditSink sink() {
        return destination.store();
    }

    @Override
    protected List<AuditEvent> storedEvents(int expected) {
        return destination.storedEvents(organizationId());
    }

    @Override
    protected Optional<AuditEvent> refusedForGood(AuditEvent valid) {
        return JdbcSinkDestination.refusedForGood(valid);
    }
}
