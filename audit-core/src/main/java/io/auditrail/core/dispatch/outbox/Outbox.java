package io.auditrail.core.dispatch.outbox;

import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable storage of events waiting for a remote sink, shared by every application instance.
 *
 * <p>{@link #append} joins the caller's transaction when it has one, so the event commits or
 * rolls back with the business change; without one it commits on its own before returning.
 * The other methods always run in transactions of their own.
 *
 * <p>A claimed entry is leased: no other claimer gets it until the lease ends. A live relay
 * {@linkplain #renew renews} the lease while its sink call runs; when the relay holding it dies,
 * the next claim after the lease takes it again (at least once, with the same event id). Marks
 * are conditional on the lease owner, so a relay whose lease ran out cannot overwrite what the
 * new owner decided.
 */
public interface Outbox {

    /**
     * Stores events for a destination. An event id already stored for that destination is skipped.
     *
     * @param destination the sink's name, for example {@code "http"}
     * @param events the events
     * @throws OutboxException when the events could not be stored; in a transaction, the
     *         caller must not commit its change without them
     */
    void append(String destination, List<AuditEvent> events);

    /**
     * Leases the oldest entries that are due: never tried, due for a retry, or whose lease ended.
     *
     * @param destination the sink's name
     * @param owner who claims, unique per relay
     * @param limit most entries
     * @param now the current time
     * @param lease how long the entries are reserved for the owner
     * @return the entries, oldest first, possibly none
     * @throws OutboxException when the database cannot be reached
     */
    List<OutboxEntry> claim(String destination, String owner, int limit, Instant now, Duration lease);

    /**
     * Extends the lease of entries the owner still holds; entries already marked, or leased by
     * another owner since, are left alone.
     *
     * @param owner the lease owner
     * @param entries the entries the owner is delivering
     * @param leaseUntil the new end of their lease
     * @return how many of the entries were still held by the owner and are now leased until {@code leaseUntil}
     * @throws OutboxException when the database cannot be reached
     */
    int renew(String owner, List<OutboxEntry> entries, Instant leaseUntil);

    /**
     * Marks entries delivered; they are kept until {@link #purgeDelivered}.
     *
     * @param owner the lease owner
     * @param entries the entries
     * @param now the current time
     */
    void markDelivered(String owner, List<OutboxEntry> entries, Instant now);

    /**
     * Counts one more failed attempt and releases the entries until their next attempt.
     *
     * @param owner the lease owner
     * @param retries each entry and when to try it again
     * @param error why the attempt failed, kept as the last error
     */
    void retryLater(String owner, List<Retry> retries, String error);

    /**
     * Parks an entry the sink refused for good; it is never claimed again.
     *
     * @param owner the lease owner
     * @param entry the entry
     * @param reason the sink's reason, kept with the entry
     * @param now the current time
     */
    void markDead(String owner, OutboxEntry entry, String reason, Instant now);

    /**
     * Deletes delivered entries delivered before the cutoff. Dead entries are kept.
     *
     * @param cutoff delivered before this instant
     * @return how many were deleted
     */
    long purgeDelivered(Instant cutoff);

    /**
     * Entries of a destination not yet delivered nor dead, for health and metrics.
     *
     * @param destination the sink's name
     * @return the backlog
     */
    long pendingCount(String destination);

    /**
     * An entry to try again.
     *
     * @param entry the entry
     * @param nextAttemptAt when it becomes due again
     */
    record Retry(OutboxEntry entry, Instant nextAttemptAt) {
    }
}
