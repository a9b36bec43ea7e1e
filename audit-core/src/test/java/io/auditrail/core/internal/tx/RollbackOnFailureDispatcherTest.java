package io.auditrail.core.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.capture.AuditException;
import io.auditrail.core.event.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackOnFailureDispatcherTest {

    private final List<RuntimeException> refusedCommits = new ArrayList<>();

    @Test
    void aFailedAppendRefusesTheCommitAndIsRethrownForTheFailurePolicy() {
        IllegalStateException down = new IllegalStateException("outbox table locked");
        AuditEvent event = TestEvents.event(1);
        RollbackOnFailureDispatcher dispatcher = new RollbackOnFailureDispatcher(failed -> {
            throw down;
        }, refusedCommits::add);

        assertThatThrownBy(() -> dispatcher.dispatch(event)).isSameAs(down);
        assertThat(refusedCommits).hasSize(1);
        assertThat(refusedCommits.get(0)).isInstanceOf(AuditException.class).hasCause(down)
                .hasMessage("audit event " + event.id() + " (invoice.deleted) could not be written to the outbox, so "
                        + "this transaction is rolled back: outbox table locked");
    }

    @Test
    void aSuccessfulAppendLeavesTheTransactionAlone() {
        List<AuditEvent> appended = new ArrayList<>();
        new RollbackOnFailureDispatcher(appended::add, refusedCommits::add).dispatch(TestEvents.event(2));

        assertThat(appended).hasSize(1);
        assertThat(refusedCommits).isEmpty();
    }
}
