package io.auditrail.benchmarks.store.query;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.BenchTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The read benchmarks' table: a million rows in the store's own schema, spread evenly over
 * ten organisations and the twelve months up to {@link #NEWEST}, generated inside PostgreSQL
 * in one statement. A table already holding exactly that many rows is reused, so a second
 * run skips the minute it takes to build.
 */
public final class QueryDataset {

    /** The table name. */
    public static final String TABLE = "bench_query_events";
    /** Organisations, {@code org-00} to {@code org-09}, interleaved row by row. */
    public static final int ORGANIZATIONS = 10;
    /** The newest row's timestamp; the oldest is 365 days earlier. */
    public static final Instant NEWEST = Instant.parse("2026-11-01T00:00:00Z");

    private static final String GENERATE = """
            INSERT INTO %s (event_id, occurred_at, organization_id, actor_id, actor_name, actor_email, actor_type,
                            action, resource_type, resource_id, resource_name, outcome, error_type, ip, user_agent,
                            request_id, metadata)
            SELECT gen_random_uuid(),
                   TIMESTAMPTZ '%s' - (%d - i) * (INTERVAL '365 days' / %d),
                   'org-' || lpad((i %% %d)::text, 2, '0'),
                   'user-' || (i::bigint * 7919 %% 2000),
                   (ARRAY['Alice', 'Bartholomew', 'Chen', 'Dagmar', 'Emeka'])[1 + i %% 5] || ' '
                       || (ARRAY['Andersson', 'Okonkwo-Smith', 'Li', 'van der Berg'])[1 + i %% 4],
                   'user.' || (i::bigint * 7919 %% 2000) || '@example.com',
                   'user',
                   (ARRAY['invoice.created', 'invoice.updated', 'invoice.deleted', 'invoice.sent', 'member.invited',
                          'member.role.changed', 'user.login', 'report.exported'])[1 + (i / 10) %% 8],
                   (ARRAY['invoice', 'member', 'user', 'report'])[1 + (i / 7) %% 4],
                   'inv-' || (i * 31 %% 1000000),
                   'Invoice 2026-' || (i * 31 %% 1000000),
                   CASE WHEN i %% 33 = 0 THEN 'failure' ELSE 'success' END,
                   CASE WHEN i %% 33 = 0 THEN 'java.lang.IllegalStateException' END,
                   '10.20.' || (i %% 256) || '.' || (i / 256 %% 256),
                   'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
                   md5(i::text),
                   jsonb_build_object('amount', i %% 100000, 'currency', 'EUR', 'channel', 'web')
            FROM generate_series(1, %d) AS i
            """;

    private QueryDataset() {
    }

    /**
     * Makes sure the table holds the data set.
     *
     * @param database the database
     * @param dataSource a data source on it, for creating the table through the store
     * @param rows rows to generate
     * @return whether the rows were generated now (rather than reused)
     * @throws SQLException when generation fails
     */
    public static boolean ensure(BenchDatabase database, DataSource dataSource, int rows) throws SQLException {
        BenchTables.create(dataSource, TABLE);
        if (count(database) == rows) {
            return false;
        }
        database.execute("TRUNCATE " + TABLE + " RESTART IDENTITY");
        database.execute(GENERATE.formatted(TABLE, NEWEST, rows, rows, ORGANIZATIONS, rows));
        database.execute("VACUUM ANALYZE " + TABLE);
        return true;
    }

    /**
     * The organisation of a rotating index.
     *
     * @param index any non-negative number
     * @return one of the ten organisation ids
     */
    public static String organization(int index) {
        return String.format("org-%02d", index % ORGANIZATIONS);
    }

    private static long count(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            result.next();
            return result.getLong(1);
        }
    }
}
