package io.auditrail.jdbc.outbox;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.jdbc.contract.SingleConnectionDataSource;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application the crash test kills: commits events through the outbox one business
 * transaction at a time on one connection, printing {@code COMMITTED <id>} after each commit, while its relay
 * delivers them to the parent's API. Runs until it is killed.
 *
 * <p>Arguments: JDBC URL, user, password, outbox table, API base URI.
 */
public final class OutboxCrashChild {

    private OutboxCrashChild() {
    }

    /**
     * Runs the child.
     *
     * @param args URL, user, password, table, API base URI
     * @throws Exception on any failure, which ends the child and fails the parent's wait
     */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        Connection business = dataSource.getConnection();
        business.setAutoCommit(false);
        JdbcOutbox appender = JdbcOutbox.builder(new SingleConnectionDataSource(business)).tableName(args[3])
                .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();
        JdbcOutbox relayed = JdbcOutbox.builder(dataSource).tableName(args[3]).initializeSchema(InitializeSchema.NEVER).build();
        HostedApiSink sink = new HostedApiSink(HostedApiSettings.of(URI.create(args[4]), "key_crash"), new AuditEventCodec());
        OutboxRelay relay = new OutboxRelay(relayed, sink, new OutboxRelaySettings(5, Duration.ofMillis(10),
                Duration.ofMinutes(10), new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(100), 2.0, 0.2),
                Duration.ofDays(1)), AuditMonitor.NONE);
        relay.start();
        for (int i = 0; ; i++) {
            AuditEvent event = OutboxTestEvents.event(i);
            appender.append("http", List.of(event));
            business.commit();
            System.out.println("COMMITTED " + event.id());
            System.out.flush();
        }
    }
}
