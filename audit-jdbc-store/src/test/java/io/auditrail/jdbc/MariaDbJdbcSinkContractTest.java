package io.auditrail.jdbc;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.sink.contract.AbstractRemoteAuditSinkContractTest;
import io.auditrail.core.sink.contract.SilentServer;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.jdbc.contract.MariaDbConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The JDBC store as a sink on MariaDB. For the silent destination, the store starts against the
 * real server and then loses it, with the driver's connect and socket timeouts as the sink's.
 */
class MariaDbJdbcSinkContractTest extends AbstractRemoteAuditSinkContractTest {

    private final JdbcSinkDestination destination = new JdbcSinkDestination(MariaDbConfig.get().dataSource());

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

    @Override
    protected AuditSink sinkTo(SilentServer silent, Duration timeout) {
        try {
            return destination.storeThatLost(new MariaDbDataSource("jdbc:mariadb://" + silent.address().getHostString()
                    + ":" + silent.address().getPort() + "/auditrail?connectTimeout=" + timeout.toMillis()
                    + "&socketTimeout=" + timeout.toMillis()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot configure the MariaDB data source", e);
        }
    }
}
