package io.auditrail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditSinkException;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database going away between batches, with a real driver refusing a real connection:
 * the sink must report a retryable failure, and the retried batch must land exactly once.
 */
class PostgresOutageTest {

    @Test
    void anOutageIsRetryableAndTheRetriedBatchIsStoredOnce() throws Exception {
        PGSimpleDataSource shared = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(shared.getURL());
        dataSource.setUser(shared.getUser());
        dataSource.setPassword(shared.getPassword());
        String table = "audit_outage_" + System.nanoTime();
        JdbcAuditStore store = JdbcAuditStore.builder(dataSource).tableName(table)
                .initializeSchema(InitializeSchema.ALWAYS).build();
        List<AuditEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(AuditEvent.builder().organizationId("acme").actor(Actor.system("job")).action("invoice.sent")
                    .resource(Resource.of("invoice", "inv-" + i)).build());
        }
        int[] livePorts = dataSource.getPortNumbers();
        try {
            dataSource.setPortNumbers(new int[] {closedPort()});
            assertThatThrownBy(() -> store.write(batch))
                    .isInstanceOfSatisfying(AuditSinkException.class, e -> assertThat(e.isRetryable()).isTrue());

            dataSource.setPortNumbers(livePorts);
            store.write(batch.subList(0, 40));
            store.write(batch);

            assertThat(store.query(AuditQuery.builder().organizationId("acme").limit(1).build()).total())
                    .isEqualTo(100);
        } finally {
            dataSource.setPortNumbers(livePorts);
            drop(dataSource, table);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void drop(PGSimpleDataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
