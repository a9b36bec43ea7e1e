package io.auditrail.benchmarks.chain;

import io.auditrail.benchmarks.support.BenchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Builds a large log the fast way: the events are inserted by the database itself (one
 * {@code INSERT … SELECT} per chunk, shaped like {@code EventGenerator}'s: names, emails, a browser
 * user agent, a request id, a metadata object), then {@link LeafGenerator} writes the leaves and
 * nodes the sealer would, by {@code COPY}. The sealer's own rate is the sealing benchmark's.
 */
final class LargeLog {

    private static final int CHUNK = 250_000;

    private static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.6 Safari/605.1.15";

    /** How long each phase took. */
    record Build(long events, double insertSeconds, double sealSeconds) {
    }

    private final BenchDatabase database;
    private final BenchLog log;

    LargeLog(BenchDatabase database, BenchLog log) {
        this.database = database;
        this.log = log;
    }

    /**
     * Inserts {@code count} events of one organisation, in order, then appends them all to its tree
     * with {@link LeafGenerator} (leaves and nodes by {@code COPY}).
     */
    Build build(String organizationId, long count) throws SQLException {
        long insertStart = System.nanoTime();
        insert(organizationId, count);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        database.execute("ANALYZE " + log.table());
        System.out.printf(Locale.ROOT, "  %s: %,d events inserted in %.0f s (%,.0f rows/s); generating leaves;"
                + " load %s%n", organizationId, count, insertSeconds, count / insertSeconds, LogBenchmarks.loadAverage());
        long sealStart = System.nanoTime();
        long size = new LeafGenerator(database, log).seal(organizationId);
        if (size != count) {
            throw new IllegalStateException("the generator appended " + size + " leaves for " + count + " events");
        }
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
        database.execute("ANALYZE " + log.leaves());
        database.execute("ANALYZE " + log.nodes());
        System.out.printf(Locale.ROOT, "  %s: leaves and nodes generated in %.0f s (%,.0f rows/s); load %s%n",
                organizationId, sealSeconds, count / sealSeconds, LogBenchmarks.loadAverage());
        return new Build(count, insertSeconds, sealSeconds);
    }

    private void insert(String organizationId, long count) throws SQLException {
        String sql = "INSERT INTO " + log.table() + " (event_id, occurred_at, organization_id, actor_id, actor_name,"
                + " actor_email, actor_type, action, resource_type, resource_id, resource_name, outcome, error_type,"
                + " error_message, ip, user_agent, request_id, metadata)"
                + " SELECT gen_random_uuid(), TIMESTAMPTZ '2026-11-01 08:00:00+00' + g * INTERVAL '1 millisecond', ?,"
                + " 'user-' || (g % 2000),"
                + " (ARRAY['Alice', 'Bartholomew', 'Chen', 'Dagmar', 'Emeka', 'Françoise'])[1 + g % 6] || ' '"
                + " || (ARRAY['Andersson', 'Okonkwo-Smith', 'Li', 'van der Berg', 'Kowalczyk'])[1 + g % 5],"
                + " 'user.' || (g % 2000) || '@example.com', 'user',"
                + " (ARRAY['invoice.created', 'invoice.updated', 'invoice.deleted', 'invoice.sent', 'member.invited',"
                + " 'member.role.changed', 'user.login', 'report.exported'])[1 + g % 8],"
                + " (ARRAY['invoice', 'member', 'user', 'report'])[1 + g % 4], 'inv-' || (g * 7919 % 1000000),"
                + " 'Invoice 2026-' || (g * 7919 % 1000000),"
                + " CASE WHEN g % 33 = 0 THEN 'failure' ELSE 'success' END,"
                + " CASE WHEN g % 33 = 0 THEN 'java.lang.IllegalStateException' END, NULL,"
                + " '10.20.' || (g % 256) || '.' || (g / 256 % 256), ?, md5(g::text),"
                + " jsonb_build_object('amount', g % 100000, 'currency', 'EUR', 'channel', 'web')"
                + " FROM generate_series(?::bigint, ?::bigint) g ORDER BY g";
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (long first = 0; first < count; first += CHUNK) {
                statement.setString(1, organizationId);
                statement.setString(2, USER_AGENT);
                statement.setLong(3, first);
                statement.setLong(4, Math.min(count, first + CHUNK) - 1);
                statement.executeUpdate();
            }
        }
    }
}
