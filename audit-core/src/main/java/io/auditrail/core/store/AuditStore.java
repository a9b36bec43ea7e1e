package io.auditrail.core.store;

import io.auditrail.core.event.AuditEvent;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads an audit trail back: the counterpart of a storing {@link io.auditrail.core.spi.AuditSink}.
 * Implementations are thread-safe. Every method that takes an organisation treats it as a
 * hard boundary: events of another organisation are never returned or counted.
 */
public interface AuditStore extends AuditReader {

    /**
     * Finds a page of events, newest first (by timestamp, then insertion order).
     *
     * @param query filters and paging
     * @return the page and the total number of matches
     * @throws AuditStoreException when the store cannot be read
     */
    AuditPage query(AuditQuery query);

    /**
     * Finds one event of one organisation.
     *
     * @param organizationId the caller's organisation; {@code null} finds only events without one
     * @param id the event id
     * @return the event, or empty when it does not exist or belongs to another organisation
     * @throws AuditStoreException when the store cannot be read
     */
    Optional<AuditEvent> findById(@Nullable String organizationId, UUID id);

    /**
     * Streams every event matching the query's filters, newest first, in constant memory.
     * The query's limit, offset and cursor are ignored: an export is never paged.
     *
     * @param query filters
     * @param format output format
     * @param out destination, written as UTF-8; flushed but not closed
     * @return the number of events written
     * @throws AuditStoreException when the store cannot be read
     * @throws java.io.UncheckedIOException when writing to {@code out} fails, for example
     *         because the client went away
     */
    long export(AuditQuery query, ExportFormat format, OutputStream out);

    /**
     * Counts an organisation's events in the current calendar month (UTC) and reports its
     * configured limits.
     *
     * @param organizationId the organisation; {@code null} for events without one
     * @return the usage
     * @throws AuditStoreException when the store cannot be read
     */
    Usage usage(@Nullable String organizationId);

    /**
     * Deletes events older than a cutoff, in bounded batches so writers are never blocked for long.
     *
     * @param cutoff events with a timestamp strictly before it are deleted
     * @param organizationId only this organisation's events, or {@code null} for every organisation
     * @return the number of events deleted
     * @throws AuditStoreException when the store cannot be written
     */
    long purgeOlderThan(Instant cutoff, @Nullable String organizationId);

    /**
     * Applies the configured retention: the default period to every organisation, except
     * those with their own period, which get theirs.
     *
     * @return the number of events deleted
     * @throws AuditStoreException when the store cannot be written
     */
    long purgeExpired();
}
