package io.auditrail.micronaut.dispatch;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.internal.wiring.DispatchPlan;
import io.auditrail.core.internal.wiring.PlannedDispatch;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies core's {@link DispatchPlan} to {@code auditrail.*} and ties each planned dispatcher to
 * the caller's transaction through {@link TransactionalDispatch}: in it for transactional and
 * outbox dispatch, after it for async and sync dispatch.
 */
public final class SinkDispatcherFactory {

    private final AuditrailSettings settings;
    private final AuditMonitor monitor;
    private final TransactionalDispatch transactions;
    private final Supplier<Optional<Outbox>> outbox;

    /**
     * Creates the factory.
     *
     * @param settings {@code auditrail.*}
     * @param monitor observes deliveries and failures
     * @param transactions ties caller-thread writes to the caller's transaction; {@link TransactionalDispatch#NONE}
     *        without a transaction manager
     * @param outbox the outbox, looked up only when a sink uses outbox dispatch
     */
    public SinkDispatcherFactory(AuditrailSettings settings, AuditMonitor monitor, TransactionalDispatch transactions,
            Supplier<Optional<Outbox>> outbox) {
        this.settings = settings;
        this.monitor = monitor;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    /**
     * One dispatcher per sink, behind a fan-out.
     *
     * @param sinks the sinks, at least one
     * @return the fan-out
     * @throws IllegalStateException when there is no sink, or outbox dispatch has no outbox
     */
    public AuditSinkDispatchers create(List<AuditSink> sinks) {
        DispatchPlan plan = new DispatchPlan(settings.getDispatch(), () -> settings.getAsync().toAsyncSettings(),
                monitor, outbox);
        return plan.dispatchers(sinks, settings.getAsync().getShutdownTimeout(), this::bind);
    }

    private AuditSinkDispatchers.SinkDispatch bind(PlannedDispatch planned) {
        AuditDispatcher dispatcher = switch (planned.mode()) {
            case ASYNC, SYNC -> transactions.afterCompletion(planned.dispatcher(), monitor);
            case OUTBOX -> transactions.wrapOutbox(planned.dispatcher(), monitor);
            case TRANSACTIONAL -> transactions.wrap(planned.dispatcher(), monitor);
        };
        return new AuditSinkDispatchers.SinkDispatch(planned.sink().name(), planned.modeName(), dispatcher,
                planned.queue());
    }
}
