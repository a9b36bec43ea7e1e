package io.auditrail.core.internal.tx;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.validation.AuditEventValidator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What an event becomes once the caller's transaction has ended, the rule both framework modules
 * apply from their transaction synchronisations: a failure event is written as it is; a success
 * is written unless it already committed with the transaction; a success whose transaction did
 * not commit becomes a failure with the same event id, so each audited call leaves exactly one
 * event. That failure names the exception that ended the enclosing transactional call (learnt
 * through {@link TransactionBoundary}), or the framework's rolled-back type when none is known.
 */
public final class TransactionCompletion {

    /** How the caller's transaction ended, as the framework's synchronisation reports it. */
    public enum Status {
        /** Committed. */
        COMMITTED,
        /** Rolled back. */
        ROLLED_BACK,
        /** Neither is known, as after a failure of the commit itself. */
        UNKNOWN
    }

    private final String rolledBackType;
    private final Predicate<Throwable> namesNoCause;
    private final Function<Throwable, Outcome> failureOf;

    /**
     * Creates the rule.
     *
     * @param rolledBackType the error type recorded when no exception tells why the transaction rolled back
     * @param namesNoCause whether an exception only reports the rollback (the framework's unexpected-rollback
     *        exception) rather than causing it
     * @param failureOf the failure outcome recorded for the exception that made a transaction fail
     */
    public TransactionCompletion(String rolledBackType, Predicate<Throwable> namesNoCause,
            Function<Throwable, Outcome> failureOf) {
        this.rolledBackType = Objects.requireNonNull(rolledBackType, "rolledBackType");
        this.namesNoCause = Objects.requireNonNull(namesNoCause, "namesNoCause");
        this.failureOf = Objects.requireNonNull(failureOf, "failureOf");
    }

    /**
     * The failure outcome of an exception, bounded like every other outcome: the failure of a call
     * whose transaction failed at commit is recorded exactly as a failed call would be.
     *
     * @param validator bounds the error type and message
     * @param withMessages {@code auditrail.record-error-messages}
     * @return the rule from exception to outcome
     */
    public static Function<Throwable, Outcome> failureOutcomes(AuditEventValidator validator, boolean withMessages) {
        Objects.requireNonNull(validator, "validator");
        return error -> validator.checkOutcome(Outcome.failure(error, withMessages));
    }

    /**
     * Applies the rule to one event.
     *
     * @param event the event handed over inside the transaction
     * @param writtenInTransaction whether it was written on the transaction's connection already
     * @param status how the transaction ended
     * @param write writes an event after the transaction, deferred to the end of the enclosing
     *        transactional call when the event becomes a failure
     */
    public void afterCompletion(AuditEvent event, boolean writtenInTransaction, Status status,
            Consumer<AuditEvent> write) {
        if (!event.outcome().isSuccess()) {
            write.accept(event);
            return;
        }
        if (status == Status.COMMITTED) {
            if (!writtenInTransaction) {
                write.accept(event);
            }
            return;
        }
        Outcome unknownCause = Outcome.failure(rolledBackType,
                status == Status.ROLLED_BACK ? null : "transaction outcome unknown");
        if (!TransactionBoundary.defer(cause -> write.accept(event.toBuilder().outcome(outcomeOf(cause, unknownCause))
                .build()))) {
            write.accept(event.toBuilder().outcome(unknownCause).build());
        }
    }

    private Outcome outcomeOf(@Nullable Throwable cause, Outcome unknownCause) {
        return cause == null || namesNoCause.test(cause) ? unknownCause : failureOf.apply(cause);
    }
}
