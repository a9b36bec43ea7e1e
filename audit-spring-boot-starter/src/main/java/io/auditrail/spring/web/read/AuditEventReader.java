package io.auditrail.spring.web.read;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.Usage;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the read endpoints read events: the application's own {@link AuditStore}
 * ({@link #of(AuditStore)}), or the hosted audit-log API when events go there
 * ({@link HostedEventReader}). The endpoints decide scope (organisation, member or admin) before
 * calling; a reader only reads what the query names.
 */
public interface AuditEventReader {

    /**
     * Reads the store directly.
     *
     * @param store the application's store
     * @return a reader that delegates every call
     */
    static AuditEventReader of(AuditStore store) {
        return new StoreEventReader(store);
    }

    /**
     * One page, newest first.
     *
     * @param query filters, paging, cursor and whether to count
     * @return the page
     */
    AuditPage query(AuditQuery query);

    /**
     * One event of one organisation.
     *
     * @param organizationId the caller's organisation
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
