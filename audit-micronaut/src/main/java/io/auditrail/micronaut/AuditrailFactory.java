package io.auditrail.micronaut;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.capture.AuditedMethods;
import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.expression.PathExpressionEvaluator;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.ExpressionEvaluator;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.RequestContextProvider;
import io.auditrail.core.spi.SinkContext;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.core.internal.wiring.SinkSelection;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.auditrail.micronaut.dispatch.SinkDispatcherFactory;
import io.auditrail.micronaut.dispatch.TransactionalDispatch;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The audit pipeline: event factory, expressions, sinks, one dispatcher per sink, and the
 * invocation auditor the interceptor calls. Every bean gives way to one of the application's
 * own of the same type.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
class AuditrailFactory {

    @Singleton
    @Requires(missingBeans = AuditEventCodec.class)
    AuditEventCodec auditEventCodec() {
        return new AuditEventCodec();
    }

    @Singleton
    @Requires(missingBeans = ExpressionEvaluator.class)
    ExpressionEvaluator auditExpressionEvaluator() {
        return new PathExpressionEvaluator();
    }

    /**
     * Resolvers are looked up on first use, not here: an application resolver may depend on
     * audited beans.
     */
    @Singleton
    @Requires(missingBeans = AuditEventFactory.class)
    AuditEventFactory auditEventFactory(AuditrailConfiguration configuration, AuditEventCodec codec,
            BeanProvider<ActorResolver> actorResolver, BeanProvider<OrganizationResolver> organizationResolvers,
            BeanProvider<RequestContextProvider> requestContextProvider) {
        Supplier<ActorResolver> actors = SupplierUtil.memoized(
                () -> actorResolver.find(null).orElse(Optional::empty));
        Supplier<List<OrganizationResolver>> organizations = SupplierUtil.memoized(
                () -> organizationResolvers.stream().toList());
        Supplier<RequestContextProvider> contexts = SupplierUtil.memoized(
                () -> requestContextProvider.find(null).orElse(Optional::empty));
        return AuditEventFactory.builder()
                .codec(codec)
                .actorResolver(() -> actors.get().currentActor())
                .organizationResolver(() -> firstOrganization(organizations.get()))
                .requestContextProvider(() -> contexts.get().currentContext())
                .systemActor(configuration.getActor().toSystemActor())
                .defaultOrganizationId(configuration.getDefaultOrganizationId())
                .includeErrorMessages(configuration.isRecordErrorMessages())
                .limits(configuration.toAuditLimits())
                .redactor(configuration.getRedaction().toRedactor())
                .clock(Clock.systemUTC())
                .build();
    }

    private static Optional<String> firstOrganization(List<OrganizationResolver> resolvers) {
        for (OrganizationResolver resolver : resolvers) {
            Optional<String> organization = resolver.currentOrganizationId();
            if (organization.isPresent()) {
                return organization;
            }
        }
        return Optional.empty();
    }

    @Singleton
    @Requires(missingBeans = AuditedMethods.class)
    AuditedMethods auditedMethods(ExpressionEvaluator evaluator, AuditrailConfiguration configuration,
            AuditEventCodec codec) {
        return new AuditedMethods(evaluator, new AuditEventValidator(configuration.toAuditLimits(), codec));
    }

    /**
     * Every {@code AuditSink} bean (the JDBC store among them) and the sinks the providers on the
     * class path create for the other names {@code auditrail.sink} lists; the log sink when nothing
     * else is there. The dispatcher and the outbox relays depend on it, so the context closes the
     * sinks it created after both.
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = AuditSinks.class)
    AuditSinks auditSinks(AuditrailConfiguration configuration, List<AuditSink> sinkBeans, AuditEventCodec codec,
            Environment environment) {
        return SinkSelection.fromClassPath(environment.getClassLoader()).select(configuration.getSink(), sinkBeans,
                new SinkContext(configuration, codec, key -> environment.getProperty(key, String.class)));
    }

    /** One dispatcher per sink, tied to the caller's transaction when Micronaut has a transaction manager. */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = AuditDispatcher.class)
    AuditSinkDispatchers auditDispatcher(AuditrailConfiguration configuration, AuditSinks sinks, List<AuditMonitor> monitors,
            BeanProvider<TransactionalDispatch> transactions, BeanProvider<Outbox> outbox) {
        return new SinkDispatcherFactory(configuration, AuditMonitor.of(monitors),
                transactions.find(null).orElse(TransactionalDispatch.NONE), () -> outbox.find(null))
                .create(sinks.all());
    }

    @Singleton
    @Requires(missingBeans = InvocationAuditor.class)
    InvocationAuditor invocationAuditor(AuditedMethods methods, AuditEventFactory factory, AuditDispatcher dispatcher,
            AuditrailConfiguration configuration, List<AuditMonitor> monitors) {
        return new InvocationAuditor(methods, factory, dispatcher, configuration.getFailurePolicy(),
                AuditMonitor.of(monitors));
    }
}
