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
                nothing, null)), "audit_events", AuditFailurePolicy.FAIL_OPEN, null, null);

        assertThat(summary.text()).isEqualTo("Auditrail is on: sink jdbc (transactional (in transaction)), "
                + "table audit_events, failure policy fail-open, transparency log off");
    }

    @Test
    void saysWhenCheckpointsAreUnsigned() {
        StartupSummary summary = new StartupSummary(List.of(), "audit_events", AuditFailurePolicy.FAIL_OPEN,
                new StartupSummary.TransparencyLog("auditrail", null), null);

        assertThat(summary.text()).endsWith(", transparency log on (origin prefix auditrail, checkpoints unsigned)");
    }

    @Test
    void saysWhyEventsOnlyGoToTheLog() {
        StartupSummary summary = new StartupSummary(List.of(new SinkDispatch("log", "sync", nothing, null),
                new SinkDispatch("http", "async", nothing, null)), null, AuditFailurePolicy.FAIL_CLOSED,
                new StartupSummary.TransparencyLog("audit.example", "audit.example+0a1b2c3d"),
                StartupSummary.LogSinkReason.NO_DATA_SOURCE);

        assertThat(summary.text()).isEqualTo("Auditrail is on: sinks log (sync), http (async), because no DataSource "
                + "was found (events are only logged; add a DataSource and audit-jdbc-store, or set auditrail.sink), "
                + "failure policy fail-closed, transparency log on (origin prefix audit.example, signed by key audit.example+0a1b2c3d)");
    }
}
