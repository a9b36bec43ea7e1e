package io.auditrail.spring.autoconfigure;

import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxDispatcher;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.tx.RollbackOnFailureDispatcher;
import io.auditrail.spring.tx.TransactionAwareDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;

/** Chooses each sink's dispatcher from {@code auditrail.dispatch} and what the sink supports. */
final class SinkDispatcherFactory {

    private static final Logger log = LoggerFactory.getLogger(SinkDispatcherFactory.class);
    private static final boolean TX_PRESENT = ClassUtils.isPresent(
            "org.springframework.transaction.support.TransactionSynchronizationManager", null);

    private final AuditrailProperties properties;
    private final AuditMonitor monitor;
    private final ListableBeanFactory beanFactory;
    private final Function<Throwable, Outcome> failureOf;

    SinkDispatcherFactory(AuditrailProperties properties, AuditMonitor monitor, ListableBeanFactory beanFactory,
            AuditEventCodec codec) {
        this.properties = properties;
        this.monitor = monitor;
        this.beanFactory = beanFactory;
        AuditEventValidator validator = new AuditEventValidator(properties.getLimits().toAuditLimits(), codec);
        boolean withMessages = properties.isRecordErrorMessages();
        this.failureOf = error -> validator.checkOutcome(Outcome.failure(error, withMessages));
    }

    AuditSinkDispatchers create(List<AuditSink> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("Auditrail has no sink: set auditrail.sink (jdbc, log, http, kafka) or define an "
                    + "AuditSink bean, or switch auditing off with auditrail.enabled=false");
        }
        requireListed(sinks, SinkType.JDBC,
                "there is no JDBC audit store: add audit-jdbc-store and a DataSource");
        requireListed(sinks, SinkType.KAFKA,
                "there is no Kafka audit sink: add the audit-kafka dependency");
        List<AuditSinkDispatchers.SinkDispatch> dispatches = new ArrayList<>();
        for (AuditSink sink : sinks) {
            dispatches.add(dispatchFor(sink));
        }
        return new AuditSinkDispatchers(dispatches, properties.getAsync().getShutdownTimeout());
    }

    /** A sink listed in auditrail.sink whose module is missing must not be dropped silently beside the others. */
    private void requireListed(List<AuditSink> sinks, SinkType type, String remedy) {
        String name = type.name().toLowerCase(Locale.ROOT);
        if (properties.getSink().contains(type) && sinks.stream().noneMatch(sink -> sink.name().equals(name))) {
            throw new IllegalStateException("auditrail.sink lists " + name + " but " + remedy);
        }
    }

    private AuditSinkDispatchers.SinkDispatch dispatchFor(AuditSink sink) {
        DispatchMode mode = properties.getDispatch() != null ? properties.getDispatch()
                : sink.joinsTransactions() ? DispatchMode.TRANSACTIONAL : DispatchMode.ASYNC;
        if (mode == DispatchMode.OUTBOX && sink.joinsTransactions()) {
            // A sink in the application's own database gains nothing from a relay.
            mode = DispatchMode.TRANSACTIONAL;
        }
        if (mode == DispatchMode.TRANSACTIONAL && !sink.joinsTransactions()) {
            mode = DispatchMode.SYNC;
        }
        AsyncDispatcher queue = mode == DispatchMode.ASYNC ? new AsyncDispatcher(sink, asyncSettings(), monitor) : null;
        AuditDispatcher base = queue != null ? queue
                : mode == DispatchMode.OUTBOX ? new OutboxDispatcher(outbox(), sink.name())
                : new SyncDispatcher(sink, monitor);
        if (!TX_PRESENT) {
            return new AuditSinkDispatchers.SinkDispatch(sink.name(), mode.name().toLowerCase(), base, queue);
        }
        return Transactions.wrap(sink, mode, base, queue, monitor, beanFactory, failureOf);
    }

    private Outbox outbox() {
        Outbox outbox = beanFactory.getBeanProvider(Outbox.class).getIfAvailable();
        if (outbox == null) {
            throw new IllegalStateException("auditrail.dispatch is outbox but there is no audit outbox: add "
                    + "audit-jdbc-store and a single DataSource, or define an Outbox bean");
        }
        return outbox;
    }

    private AsyncSettings asyncSettings() {
        AuditrailProperties.Async async = properties.getAsync();
        return new AsyncSettings(async.getCapacity(), async.getBatchSize(), async.getFlushInterval(),
                async.getOverflowPolicy(), async.getBlockTimeout(), new RetryBackoff(async.getRetryInitialBackoff(),
                        async.getRetryMaxBackoff(), RetryBackoff.DEFAULTS.multiplier(), RetryBackoff.DEFAULTS.jitter()));
    }

    /** Kept apart so that spring-tx classes load only when spring-tx is present. */
    private static final class Transactions {

        static AuditSinkDispatchers.SinkDispatch wrap(AuditSink sink, DispatchMode mode, AuditDispatcher base,
                AsyncDispatcher queue, AuditMonitor monitor, ListableBeanFactory beanFactory,
                Function<Throwable, Outcome> failureOf) {
            PlatformTransactionManager manager = beanFactory.getBeanProvider(PlatformTransactionManager.class)
                    .getIfUnique();
            TransactionAwareDispatcher.Mode txMode = TransactionAwareDispatcher.Mode.AFTER_COMMIT;
            boolean joinsTransactions = sink.joinsTransactions() || mode == DispatchMode.OUTBOX;
            if (mode == DispatchMode.TRANSACTIONAL || mode == DispatchMode.OUTBOX) {
                if (manager != null) {
                    txMode = TransactionAwareDispatcher.Mode.IN_TRANSACTION;
                } else {
                    log.warn("Audit sink '{}' uses {} dispatch but there is no unique PlatformTransactionManager; "
                            + "events are written after commit instead", sink.name(), mode.name().toLowerCase());
                }
            }
            if (mode == DispatchMode.OUTBOX) {
                base = new RollbackOnFailureDispatcher(base);
            }
            boolean writesOnCallerThread = queue == null && joinsTransactions;
            DataSource dataSource = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
            BooleanSupplier holdsConnection = dataSource == null ? () -> false
                    : DataSourceTransactions.holding(dataSource);
            String description = mode.name().toLowerCase() + (txMode == TransactionAwareDispatcher.Mode.IN_TRANSACTION
                    ? " (in transaction)" : " (after commit)");
            return new AuditSinkDispatchers.SinkDispatch(sink.name(), description, new TransactionAwareDispatcher(base,
                    txMode, writesOnCallerThread ? manager : null, holdsConnection, monitor, failureOf), queue);
        }
    }
}
