package io.auditrail.server.ingest;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.spi.AuditSinkException;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.server.tenant.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one posted event: at most once per id, within the organisation's monthly allowance.
 * An event already stored under the same id in the caller's organisation is answered again
 * unchanged and not counted; an id taken by another organisation is refused without saying
 * anything about that organisation's event.
 */
public final class EventIngestion {

    private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);

    private final JdbcAuditStore store;
    private final AuditEventValidator validator;
    private final MonthlyQuota quota;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param store where events are stored; its writes skip ids already stored
     * @param validator the capture-time rules, applied at this boundary too
     * @param quota the monthly counter
     * @param clock the month for the allowance
     */
    public EventIngestion(JdbcAuditStore store, AuditEventValidator validator, MonthlyQuota quota, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.quota = quota;
        this.clock = clock;
    }

    /**
     * Stores an event for a caller.
     *
     * @param caller the authenticated caller; the event must be in its organisation
     * @param event the parsed event
     * @return the stored event, and whether it was a replay
     * @throws InvalidEventRequestException when the event breaks a rule or the store refuses it as invalid
     * @throws IngestRefusedException 429 over the allowance, 422 for an id in use elsewhere, 503 when storage is down
     */
    public IngestResult ingest(Caller caller, AuditEvent event) {
        AuditEvent valid;
        try {
            valid = validator.validate(event);
        } catch (InvalidAuditEventException e) {
            throw new InvalidEventRequestException(e.getMessage());
        }
        Optional<AuditEvent> existing = stored(caller, valid);
        if (existing.isPresent()) {
            return new IngestResult(existing.get(), true);
        }
        YearMonth month = quota.currentMonth();
        Long limit = caller.plan().monthlyEvents();
        if (!quota.reserve(caller.organizationId(), month, limit)) {
            throw new IngestRefusedException(429, "Monthly event limit of " + limit + " reached for plan '"
                    + caller.plan().name() + "'", secondsUntil(month.plusMonths(1)));
        }
        Optional<AuditEvent> written;
        try {
            // The store hands back the row as stored (on PostgreSQL from the insert itself), so
            // the answer needs no second read.
            written = store.writeReturning(valid);
        } catch (AuditSinkException e) {
            quota.release(caller.organizationId(), month);
            Optional<AuditEvent> concurrent = stored(caller, valid);
            if (concurrent.isPresent()) {
                return new IngestResult(concurrent.get(), true);
            }
            if (e.isRetryable()) {
                throw new IngestRefusedException(503, "Storage is unavailable; retry later", 1L);
            }
            log.warn("Store refused event {} of organisation {}: {}", valid.id(), caller.organizationId(), e.getMessage());
            throw new InvalidEventRequestException("Event refused by the store");
        }
        if (written.isPresent()) {
            return new IngestResult(written.get(), false);
        }
        // Nothing written: the id was stored meanwhile, by a concurrent replay of this event or
        // by another organisation. Only this path reads again.
        quota.release(caller.organizationId(), month);
        Optional<AuditEvent> concurrent = stored(caller, valid);
        if (concurrent.isPresent()) {
            return new IngestResult(concurrent.get(), true);
        }
        throw new IngestRefusedException(422, "Event id " + valid.id() + " is already in use", null);
    }

    private Optional<AuditEvent> stored(Caller caller, AuditEvent event) {
        return store.findById(caller.organizationId(), event.id());
    }

    private long secondsUntil(YearMonth month) {
        Duration wait = Duration.between(clock.instant(), month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return Math.max(1, wait.toSeconds());
    }
}
