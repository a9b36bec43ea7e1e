package io.auditrail.jdbc.outbox;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditMonitor;
import java.net.URI;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A relay with the default settings in a JVM of its own, for the test that kills it while it
 * holds a batch. Prints {@code RELAYING} once started, then relays until it is killed.
 *
 * <p>Arguments: JDBC URL, user, password, outbox table, API base URI.
 */
public final class OutboxRelayChild {

    private OutboxRelayChild() {
    }

    /**
     * Runs the relay.
     *
     * @param args URL, user, password, table, API base URI
     * @throws InterruptedException never, in practice: the child ends by being killed
     */
    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        JdbcOutbox outbox = JdbcOutbox.builder(dataSource).tableName(args[3]).initializeSchema(InitializeSchema.NEVER).build();
        HostedApiSink sink = new HostedApiSink(HostedApiSettings.of(URI.create(args[4]), "key_crash"), new AuditEventCodec());
        OutboxRelay relay = new OutboxRelay(outbox, sink, OutboxRelaySettings.DEFAULTS, AuditMonitor.NONE);
        relay.start();
        System.out.println("RELAYING");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
