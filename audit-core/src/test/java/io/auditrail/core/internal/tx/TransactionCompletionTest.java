package io.auditrail.core.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.validation.AuditLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCompletionTest {

    /** Stands in for a framework's unexpected-rollback exception, which reports a rollback without causing it. */
    private static final class RollbackReported extends RuntimeException {
        RollbackReported() {
            super("rolled back because marked rollback-only");
        }
    }

    private final List<AuditEvent> written = new ArrayList<>();
    private final TransactionCompletion completion = new TransactionCompletion("tx.RolledBack",
            RollbackReported.class::isInstance, TransactionCompletion.failureOutcomes(
                    new AuditEventValidator(new AuditLimits(200, 2000, 16384, 8), new AuditEventCodec()), true));

    @Test
    void aSuccessThatCommittedWithTheTransactionIsNotWrittenAgain() {
        completion.afterCompletion(TestEvents.event(1), true, TransactionCompletion.Status.COMMITTED, written::add);

        assertThat(written).isEmpty();
    }

    @Test
    void aSuccessHeldBackUntilCommitIsWrittenThenAndAFailureAlways() {
        AuditEvent success = TestEvents.event(1);
        AuditEvent failure = TestEvents.invoiceDeleted().outcome(Outcome.failure("x.Boom", "boom")).build();

        completion.afterCompletion(success, false, TransactionCompletion.Status.COMMITTED, written::add);
        completion.afterCompletion(failure, false, TransactionCompletion.Status.ROLLED_BACK, written::add);

        assertThat(written).containsExactly(success, failure);
    }

    @Test
    void aRolledBackSuccessBecomesAFailureWithTheSameIdWhenNoCauseIsKnown() {
        AuditEvent success = TestEvents.event(1);

        completion.afterCompletion(success, true, TransactionCompletion.Status.ROLLED_BACK, written::add);
        completion.afterCompletion(success, true, TransactionCompletion.Status.UNKNOWN, written::add);

        assertThat(written).extracting(AuditEvent::id).containsExactly(success.id(), success.id());
        assertThat(written).extracting(AuditEvent::outcome).containsExactly(Outcome.failure("tx.RolledBack", null),
                Outcome.failure("tx.RolledBack", "transaction outcome unknown"));
    }

    @Test
    void theFailureNamesTheExceptionThatEndedTheTransactionalCall() {
        AuditEvent success = TestEvents.event(1);
        IllegalStateException constraint = new IllegalStateException("duplicate key");

        assertThatThrownBy(() -> TransactionBoundary.around(() -> {
            completion.afterCompletion(success, true, TransactionCompletion.Status.ROLLED_BACK, written::add);
            assertThat(written).as("deferred until the call has ended").isEmpty();
            throw constraint;
        })).isSameAs(constraint);

        assertThat(written).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(success.id());
            assertThat(event.outcome()).isEqualTo(Outcome.failure(IllegalStateException.class.getName(), "duplicate key"));
        });
    }

    @Test
    void anExceptionThatOnlyReportsTheRollbackIsNotTakenForItsCause() {
        assertThatThrownBy(() -> TransactionBoundary.around(() -> {
            completion.afterCompletion(TestEvents.event(1), true, TransactionCompletion.Status.ROLLED_BACK,
                    written::add);
            throw new RollbackReported();
        })).isInstanceOf(RollbackReported.class);

        assertThat(written).singleElement().extracting(AuditEvent::outcome)
                .isEqualTo(Outcome.failure("tx.RolledBack", null));
    }
}
