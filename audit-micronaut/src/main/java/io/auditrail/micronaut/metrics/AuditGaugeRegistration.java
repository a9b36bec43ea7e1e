package io.auditrail.micronaut.metrics;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.internal.metrics.AuditGauges;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Registers core's gauges once the context has started, so that they see the sinks it created:
 * {@code auditrail.queue.depth} per async sink and, with the outbox, {@code auditrail.outbox.pending}
 * per relayed sink.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
class AuditGaugeRegistration implements ApplicationEventListener<StartupEvent> {

    private final MeterRegistry registry;
    private final BeanProvider<AuditSinkDispatchers> dispatchers;
    private final BeanProvider<Outbox> outbox;
    private final BeanProvider<AuditSinks> sinks;

    AuditGaugeRegistration(MeterRegistry registry, BeanProvider<AuditSinkDispatchers> dispatchers,
            BeanProvider<Outbox> outbox, BeanProvider<AuditSinks> sinks) {
        this.registry = registry;
        this.dispatchers = dispatchers;
        this.outbox = outbox;
        this.sinks = sinks;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        dispatchers.ifPresent(all -> AuditGauges.registerQueueDepths(registry, all));
        outbox.ifPresent(table -> sinks.ifPresent(all -> AuditGauges.registerOutboxPending(registry, table, all)));
    }
}
