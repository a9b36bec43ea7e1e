package io.auditrail.core.store;

import io.auditrail.core.event.AuditEvent;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The read half of an {@link AuditStore}: what read endpoints need, whether the events are in the
 * application's own store or behind the hosted audit-log API. Every method that takes an
 * organisation treats it as a hard boundary.
 */
public interface AuditReader {

    /**
     * Finds a page of events, newest first.
     *
     * @param query filters, paging, cursor and whether to count
     * @return the page
     */
    AuditPage query(AuditQuery query);

    /**
     * One event of one organisation.
     *
     * @param organizationId the organisation the event must belong to
     * @param id the event id
     * @return the event, or empty when absent or in another organisation
     */
    Optional<AuditEvent> findById(@Nullable String organizationId, UUID id);

    /**
     * Streams every event matching the query's filters.
     *
     * @param query filters; paging ignored
     * @param format the format asked for
     * @param out where it goes; flushed, not closed
     * @return the number of events, or -1 when the source does not say
     */
    long export(AuditQuery query, ExportFormat format, OutputStream out);

    /**
     * An organisation's usage this month.
     *
     * @param organizationId the organisation
     * @return the usage
     */
    Usage usage(@Nullable String organizationId);
}
