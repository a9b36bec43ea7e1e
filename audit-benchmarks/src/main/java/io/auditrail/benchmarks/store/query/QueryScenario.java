package io.auditrail.benchmarks.store.query;

import io.auditrail.core.store.AuditCursor;
import io.auditrail.core.store.AuditQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The three page shapes of the read benchmark for one organisation: the first page of a
 * 30-day range, a page 50,000 rows deep by offset, and the same page by keyset cursor.
 */
final class QueryScenario {

    static final int PAGE_SIZE = 20;
    static final int DEPTH = 50_000;
    /** A 30-day window in the middle of the year of data. */
    static final Instant RANGE_END = QueryDataset.NEWEST.minus(Duration.ofDays(150));
    static final Instant RANGE_START = RANGE_END.minus(Duration.ofDays(30));

    final String organization;
    final AuditQuery firstPage;
    final AuditQuery offsetPage;
    final AuditQuery cursorPage;
    final AuditCursor cursor;

    private QueryScenario(String organization, AuditCursor cursor) {
        this.organization = organization;
        this.cursor = cursor;
        this.firstPage = AuditQuery.builder().organizationId(organization).start(RANGE_START).end(RANGE_END)
                .limit(PAGE_SIZE).build();
        this.offsetPage = AuditQuery.builder().organizationId(organization).limit(PAGE_SIZE).offset(DEPTH).build();
        this.cursorPage = AuditQuery.builder().organizationId(organization).limit(PAGE_SIZE).cursor(cursor).build();
    }

    /**
     * Builds the scenario, finding the cursor that the page before {@link #DEPTH} would have
     * handed out. Finding it walks the rows once here, outside the timing: the benchmark
     * measures fetching the page at a cursor, not walking to it.
     */
    static QueryScenario load(Connection connection, String organization) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT occurred_at, seq FROM "
                + QueryDataset.TABLE + " WHERE organization_id = ? ORDER BY occurred_at DESC, seq DESC OFFSET ? LIMIT 1")) {
            statement.setString(1, organization);
            statement.setInt(2, DEPTH - 1);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException(organization + " has fewer than " + DEPTH + " rows");
                }
                Instant timestamp = row.getObject(1, OffsetDateTime.class).toInstant();
                return new QueryScenario(organization, new AuditCursor(timestamp, row.getLong(2)));
            }
        }
    }
}
