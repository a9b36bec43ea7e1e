package io.auditrail.core.internal.wiring;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.QueuingDispatcher;
import io.auditrail.core.dispatch.ShardedAsyncDispatcher;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxDispatcher;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chooses each sink's dispatcher: {@code auditrail.dispatch}, else transactional for a sink that
 * joins transactions (the JDBC store) and async for the others. Transactional dispatch of a sink
 * that cannot join a transaction becomes sync; outbox dispatch appends to the outbox on the
 * caller's thread for every sink but one that joins transactions, which stays transactional.
 * Async dispatch has one writer thread per sink, or a {@link ShardedAsyncDispatcher} with
 * {@code auditrail.async.writers} of them.
 * The framework then ties each dispatcher to the caller's transaction.
 */
public final class DispatchPlan {

    private final @Nullable DispatchMode configured;
    private final Supplier<AsyncSettings> async;
    private final AuditMonitor monitor;
    private final Supplier<Optional<Outbox>> outbox;

    /**
     * Creates the plan.
     *
     * @param configured {@code auditrail.dispatch}, or {@code null} for each sink's default
     * @param async the queue settings, read only when a sink uses async dispatch
     * @param monitor observes deliveries and failures
     * @param outbox the outbox, looked up only when a sink uses outbox dispatch
     */
    public DispatchPlan(@Nullable DispatchMode configured, Supplier<AsyncSettings> async, AuditMonitor monitor,
            Supplier<Optional<Outbox>> outbox) {
        this.configured = configured;
        this.async = Objects.requireNonNull(async, "async");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * The mode a sink gets.
     *
     * @param configured {@code auditrail.dispatch}, or {@code null}
     * @param sink the sink
     * @return the effective mode
     */
    public static DispatchMode modeFor(@Nullable DispatchMode configured, AuditSink sink) {
        DispatchMode mode = configured != null ? configured
                : sink.joinsTransactions() ? DispatchMode.TRANSACTIONAL : DispatchMode.ASYNC;
        if (mode == DispatchMode.OUTBOX && sink.joinsTransactions()) {
            // A sink in the application's own database gains nothing from a relay.
            return DispatchMode.TRANSACTIONAL;
        }
        if (mode == DispatchMode.TRANSACTIONAL && !sink.joinsTransactions()) {
            return DispatchMode.SYNC;
        }
        return mode;
    }

    /**
     * One sink's dispatcher, not yet tied to any transaction.
     *
     * @param sink the sink
     * @return the planned dispatch
     * @throws InvalidAuditConfigurationException when the sink uses outbox dispatch and there is no outbox
     */
    public PlannedDispatch plan(AuditSink sink) {
        DispatchMode mode = modeFor(configured, sink);
        return switch (mode) {
            case ASYNC -> {
                QueuingDispatcher queue = queue(sink, async.get());
                yield new PlannedDispatch(sink, mode, queue, queue);
            }
            case OUTBOX -> new PlannedDispatch(sink, mode, new OutboxDispatcher(outbox(), sink.name()), null);
            case TRANSACTIONAL, SYNC -> new PlannedDispatch(sink, mode, new SyncDispatcher(sink, monitor), null);
        };
    }

    private QueuingDispatcher queue(AuditSink sink, AsyncSettings settings) {
        // One writer stays a plain AsyncDispatcher: no organisation hashing on the caller's thread.
        return settings.writers() == 1 ? new AsyncDispatcher(sink, settings, monitor)
                : new ShardedAsyncDispatcher(sink, settings, monitor);
    }

    /**
     * One dispatcher per sink, behind a fan-out.
     *
     * @param sinks the sinks, at least one
     * @param shutdownTimeout how long closing keeps delivering
     * @param binding the framework's tie of a planned dispatch to the caller's transaction
     * @return the fan-out
     * @throws InvalidAuditConfigurationException when there is no sink, or outbox dispatch has no outbox
     */
    public AuditSinkDispatchers dispatchers(List<AuditSink> sinks, Duration shutdownTimeout,
            Function<PlannedDispatch, AuditSinkDispatchers.SinkDispatch> binding) {
        if (sinks.isEmpty()) {
            throw new InvalidAuditConfigurationException("Auditrail has no sink: set auditrail.sink (jdbc, log, http, kafka) or "
                    + "define an AuditSink bean, or switch auditing off with auditrail.enabled=false");
        }
        List<AuditSinkDispatchers.SinkDispatch> dispatches = new ArrayList<>(sinks.size());
        for (AuditSink sink : sinks) {
            dispatches.add(binding.apply(plan(sink)));
        }
        return new AuditSinkDispatchers(dispatches, shutdownTimeout);
    }

    private Outbox outbox() {
        return outbox.get().orElseThrow(() -> new InvalidAuditConfigurationException("auditrail.dispatch is outbox but there is no "
                + "audit outbox: add audit-jdbc-store and a single DataSource, or define an Outbox bean"));
    }
}
