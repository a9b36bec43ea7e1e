package io.auditrail.spring.autoconfigure;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.capture.AuditedMatcher;
import io.auditrail.core.capture.AuditedMethods;
import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.ExpressionEvaluator;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.RequestContextProvider;
import io.auditrail.core.spi.SinkContext;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.validation.MetadataRedactor;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.core.internal.wiring.SinkSelection;
import io.auditrail.spring.internal.aop.AuditedAdvisor;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import io.auditrail.spring.internal.tx.TransactionBoundaryAdvisor;
import io.auditrail.spring.internal.aop.AuditedAutoProxyRegistrar;
import io.auditrail.spring.internal.aop.AuditedBeanValidator;
import io.auditrail.spring.internal.aop.AuditedMethodInterceptor;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.internal.expression.SpelExpressionEvaluator;
import io.auditrail.core.internal.metrics.SinkHealthTracker;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.function.SingletonSupplier;

/**
 * The audit pipeline: event factory, SpEL, the {@code @Audited} advisor, and one dispatcher
 * per sink. Registered after Spring's transaction auto-configuration so that, at equal
 * order, the audit advisor runs inside the transaction advisor.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditrailProperties.class)
@Import(AuditedAutoProxyRegistrar.class)
public final class AuditrailAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditEventCodec auditEventCodec() {
        return new AuditEventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    ExpressionEvaluator auditExpressionEvaluator(BeanFactory beanFactory) {
        return new SpelExpressionEvaluator(beanFactory);
    }

    /**
     * Resolvers are looked up on first use, not here: an application resolver may depend on
     * audited beans, whose creation needs this factory's validator first.
     */
    @Bean
    @ConditionalOnMissingBean
    AuditEventFactory auditEventFactory(AuditrailProperties properties, AuditEventCodec codec,
            ObjectProvider<ActorResolver> actorResolver, ObjectProvider<OrganizationResolver> organizationResolver,
            ObjectProvider<RequestContextProvider> requestContextProvider) {
        AuditrailProperties.ActorSettings actor = properties.getActor();
        SingletonSupplier<ActorResolver> actors = SingletonSupplier.of(
                () -> actorResolver.getIfAvailable(() -> Optional::empty));
        OrganizationResolver organizations = OrganizationResolvers.chain(organizationResolver);
        SingletonSupplier<RequestContextProvider> contexts = SingletonSupplier.of(
                () -> requestContextProvider.getIfAvailable(() -> Optional::empty));
        return AuditEventFactory.builder()
                .codec(codec)
                .actorResolver(() -> actors.obtain().currentActor())
                .organizationResolver(organizations)
                .requestContextProvider(() -> contexts.obtain().currentContext())
                .systemActor(new Actor(actor.getSystemId(), actor.getSystemName(), null, ActorType.SYSTEM))
                .defaultOrganizationId(properties.getDefaultOrganizationId())
                .includeErrorMessages(properties.isRecordErrorMessages())
                .limits(properties.getLimits().toAuditLimits())
                .redactor(new MetadataRedactor(Stream.concat(properties.getRedaction().getKeys().stream(),
                        properties.getRedaction().getAdditionalKeys().stream()).toList()))
                .clock(Clock.systemUTC())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    AuditedMethods auditedMethods(ExpressionEvaluator evaluator, AuditrailProperties properties, AuditEventCodec codec) {
        return new AuditedMethods(evaluator, new AuditEventValidator(properties.getLimits().toAuditLimits(), codec));
    }

    @Bean
    @ConditionalOnMissingBean
    SinkHealthTracker auditSinkHealthTracker() {
        return new SinkHealthTracker(Clock.systemUTC());
    }

    /**
     * The application's {@code AuditSink} beans (the JDBC store among them) and the sinks the
     * providers on the class path create for the other names {@code auditrail.sink} lists. The
     * dispatcher and the outbox relays depend on it, so the context closes the sinks it created
     * after both.
     */
    @Bean
    @ConditionalOnMissingBean
    AuditSinks auditSinks(AuditrailProperties properties, ObjectProvider<AuditSink> sinks, AuditEventCodec codec,
            Environment environment, ResourceLoader resourceLoader) {
        return SinkSelection.fromClassPath(resourceLoader.getClassLoader()).select(properties.getSink(), sinks.orderedStream().toList(),
                new SinkContext(properties, codec, key -> Optional.ofNullable(environment.getProperty(key))));
    }

    @Bean
    @ConditionalOnMissingBean(AuditDispatcher.class)
    AuditSinkDispatchers auditDispatcher(AuditrailProperties properties, AuditSinks sinks,
            ObjectProvider<AuditMonitor> monitors, ListableBeanFactory beanFactory, AuditEventCodec codec) {
        return new SinkDispatcherFactory(properties, AuditMonitor.of(monitors.orderedStream().toList()), beanFactory,
                codec).create(sinks.all());
    }

    @Bean
    @ConditionalOnMissingBean
    InvocationAuditor invocationAuditor(AuditedMethods methods, AuditEventFactory factory, AuditDispatcher dispatcher,
            AuditrailProperties properties, ObjectProvider<AuditMonitor> monitors) {
        return new InvocationAuditor(methods, factory, dispatcher, properties.getFailurePolicy(),
                AuditMonitor.of(monitors.orderedStream().toList()));
    }

    @Bean
    StartupLog auditrailStartupLog(ListableBeanFactory beanFactory, AuditrailProperties properties,
            Environment environment) {
        return new StartupLog(beanFactory, properties, environment);
    }

    /**
     * Static and reading auditrail.advisor-order from the environment, because advisors are
     * created by the auto-proxy creator before configuration-properties beans exist.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean
    static AuditedAdvisor auditedAdvisor(ObjectProvider<InvocationAuditor> auditor, Environment environment) {
        int order = environment.getProperty("auditrail.advisor-order", Integer.class, Ordered.LOWEST_PRECEDENCE);
        return new AuditedAdvisor(new AuditedMatcher(), new AuditedMethodInterceptor(auditor::getObject), order);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static AuditedBeanValidator auditedBeanValidator(ObjectProvider<AuditedMethods> methods) {
        return new AuditedBeanValidator(methods);
    }

    /** Only with spring-tx on the class path, so that its classes load only then. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.transaction.annotation.AnnotationTransactionAttributeSource")
    static class TransactionBoundaryConfiguration {

        /**
         * Lets the failure recorded for a transaction that failed at commit name the exception
         * the commit threw. Static, like every advisor.
         */
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        @ConditionalOnMissingBean
        static TransactionBoundaryAdvisor auditTransactionBoundaryAdvisor() {
            return new TransactionBoundaryAdvisor();
        }
    }
}
