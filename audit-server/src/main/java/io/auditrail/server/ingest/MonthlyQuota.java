package io.auditrail.server.ingest;

import io.auditrail.server.tenant.ServerTables;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the events each organisation stored per calendar month (UTC) in its own table, so
 * neither a purge by retention nor a back-dated timestamp lowers the count. A slot is
 * reserved with one conditional update before the event is written, so concurrent requests
 * cannot together pass the limit.
 */
public final class MonthlyQuota {

    private static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final String table;
    private final Clock clock;

    /**
     * Creates the counter.
     *
     * @param jdbc the database
     * @param tables table names
     * @param clock decides the month
     */
    public MonthlyQuota(JdbcClient jdbc, ServerTables tables, Clock clock) {
        this.jdbc = jdbc;
        this.table = tables.usage().qualified();
        this.clock = clock;
    }

    /**
     * The current month, in UTC.
     *
     * @return the month
     */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Takes one event from the month's allowance.
     *
     * @param organizationId the organisation
     * @param month the month
     * @param limit the allowance, or {@code null} for none
     * @return whether a slot was taken; {@code false} when the allowance is used up
     * @throws IngestRefusedException 503 when concurrent updates keep the counter from being read consistently
     */
    public boolean reserve(String organizationId, YearMonth month, Long limit) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int updated = limit == null
                    ? jdbc.sql("UPDATE " + table + " SET event_count = event_count + 1 WHERE organization_id = ? AND period = ?")
                            .params(organizationId, month.toString()).update()
                    : jdbc.sql("UPDATE " + table + " SET event_count = event_count + 1"
                                    + " WHERE organization_id = ? AND period = ? AND event_count < ?")
                            .params(organizationId, month.toString(), limit).update();
            if (updated == 1) {
                return true;
            }
            Optional<Long> current = stored(organizationId, month);
            if (current.isEmpty()) {
                if (limit != null && limit < 1) {
                    return false;
                }
                try {
                    jdbc.sql("INSERT INTO " + table + " (organization_id, period, event_count) VALUES (?, ?, 1)")
                            .params(organizationId, month.toString()).update();
                    return true;
                } catch (DuplicateKeyException concurrentFirstEvent) {
                    continue;
                }
            }
            if (limit != null && current.get() >= limit) {
                return false;
            }
            // Below the limit, yet nothing was updated: seen on H2 when concurrent requests
            // update the same row after a restart. Try again rather than refuse wrongly.
        }
        throw new IngestRefusedException(503, "Usage counter is busy; retry later", 1L);
    }

    /**
     * Gives back a slot whose event was not stored.
     *
     * @param organizationId the organisation
     * @param month the month the slot was taken from
     */
    public void release(String organizationId, YearMonth month) {
        jdbc.sql("UPDATE " + table + " SET event_count = event_count - 1"
                        + " WHERE organization_id = ? AND period = ? AND event_count > 0")
                .params(organizationId, month.toString()).update();
    }

    /**
     * Events stored in a month.
     *
     * @param organizationId the organisation
     * @param month the month
     * @return the count, 0 when none
     */
    public long count(String organizationId, YearMonth month) {
        return stored(organizationId, month).orElse(0L);
    }

    private Optional<Long> stored(String organizationId, YearMonth month) {
        return jdbc.sql("SELECT event_count FROM " + table + " WHERE organization_id = ? AND period = ?")
                .params(organizationId, month.toString())
                .query(Long.class)
                .optional();
    }
}
