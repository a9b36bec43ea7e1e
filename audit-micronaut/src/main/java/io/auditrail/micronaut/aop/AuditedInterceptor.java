package io.auditrail.micronaut.aop;

import io.auditrail.annotations.Audited;
import io.auditrail.core.capture.InvocationAuditor;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;

/**
 * Runs every {@code @Audited} call through core's {@link InvocationAuditor}. Bound to the
 * annotation by {@code AuditedAnnotationMapper} of {@code audit-micronaut-processor}, which
 * must be on the application's annotation-processor path.
 */
@InterceptorBean(Audited.class)
@Requires(property = "auditrail.enabled", notEquals = "false")
final class AuditedInterceptor implements MethodInterceptor<Object, Object> {

    private final BeanProvider<InvocationAuditor> auditorProvider;
    private final ReflectedMethods methods = new ReflectedMethods();
    private volatile InvocationAuditor auditor;

    /**
     * Creates the interceptor; the auditor is looked up on the first call, because an
     * application's resolvers may themselves be audited beans.
     *
     * @param auditor the framework-neutral audit logic
     */
    public AuditedInterceptor(BeanProvider<InvocationAuditor> auditor) {
        this.auditorProvider = auditor;
    }

    /**
     * Inside {@code @Transactional}, so the event is written in the audited method's own
     * transaction and a fail-closed audit failure rolls the business change back.
     */
    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() + 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        InvocationAuditor current = auditor;
        if (current == null) {
            current = auditorProvider.get();
            auditor = current;
        }
        try {
            return current.invoke(MicronautInvocation.of(context, methods));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // The audited method's checked exception must reach its caller unchanged, as Micronaut's proxy rethrows it.
            throw MicronautInvocation.<RuntimeException>rethrow(checked);
        }
    }
}
