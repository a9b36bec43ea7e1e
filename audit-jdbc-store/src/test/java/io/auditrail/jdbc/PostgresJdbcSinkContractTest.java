package io.auditrail.jdbc;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.sink.contract.AbstractRemoteAuditSinkContractTest;
import io.auditrail.core.sink.contract.SilentServer;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC store as a sink on PostgreSQL. For the silent destination, the store starts against
 * the real server and then loses it: the driver's connect, login and socket timeouts are the
 * sink's timeout, as a pool's would be.
 */
class PostgresJdbcSinkContractTest extends AbstractRemoteAuditSinkContractTest {

    private final JdbcSinkDestination destination = new JdbcSinkDestination(PostgresConfig.get().dataSource());

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
        int seconds = Math.toIntExact(timeout.toSeconds());
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] {silent.address().getHostString()});
        unreachable.setPortNumbers(new int[] {silent.address().getPort()});
        unreachable.setConnectTimeout(seconds);
        unreachable.setLoginTimeout(seconds);
        unreachable.setSocketTimeout(seconds);
        return destination.storeThatLost(unreachable);
    }
}
