package io.auditrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.capture.AuditFailurePolicy;
import io.auditrail.core.dispatch.AuditSinkDispatchers.SinkDispatch;
import io.auditrail.core.dispatch.AuditDispatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupSummaryTest {

    private final AuditDispatcher nothing = event -> {
    };

    @Test
    void namesSinkTablePolicyAndChain() {
        StartupSummary summary = new StartupSummary(List.of(new SinkDispatch("jdbc", "transactional (in transaction)",
                nothing, null)), "audit_events", AuditFailurePolicy.FAIL_OPEN, false, null);

        assertThat(summary.text()).isEqualTo("Auditrail is on: sink jdbc (transactional (in transaction)), "
                + "table audit_events, failure policy fail-open, hash chain off");
    }

    @Test
    void saysWhyEventsOnlyGoToTheLog() {
        StartupSummary summary = new StartupSummary(List.of(new SinkDispatch("log", "sync", nothing, null),
                new SinkDispatch("http", "async", nothing, null)), null, AuditFailurePolicy.FAIL_CLOSED, true,
                StartupSummary.LogSinkReason.NO_DATA_SOURCE);

        assertThat(summary.text()).isEqualTo("Auditrail is on: sinks log (sync), http (async), because no DataSource "
                + "was found (events are only logged; add a DataSource and audit-jdbc-store, or set auditrail.sink), "
                + "failure policy fail-closed, hash chain on");
    }
}
