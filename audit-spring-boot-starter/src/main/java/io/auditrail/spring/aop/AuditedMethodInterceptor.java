package io.auditrail.spring.aop;

import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.spi.AuditedInvocation;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * Adapts a Spring {@link MethodInvocation} to core's {@link AuditedInvocation} and lets the
 * {@link InvocationAuditor} run it.
 */
public final class AuditedMethodInterceptor implements MethodInterceptor {

    private final Supplier<InvocationAuditor> auditorSupplier;
    private volatile InvocationAuditor auditor;

    /**
     * Creates the interceptor. The auditor is looked up on the first audited call, because
     * advisors are created before the beans the auditor depends on.
     *
     * @param auditor supplies the framework-neutral audit logic
     */
    public AuditedMethodInterceptor(Supplier<InvocationAuditor> auditor) {
        this.auditorSupplier = auditor;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        InvocationAuditor current = auditor;
        if (current == null) {
            current = auditorSupplier.get();
            auditor = current;
        }
        return current.invoke(new SpringInvocation(invocation));
    }

    private record SpringInvocation(MethodInvocation invocation) implements AuditedInvocation {

        /** The implementation's method, as start-up validation saw it, even behind a JDK proxy. */
        @Override
        public Method method() {
            return AopUtils.getMostSpecificMethod(invocation.getMethod(), targetClass());
        }

        @Override
        public Class<?> targetClass() {
            Object target = invocation.getThis();
            return target == null ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(target);
        }

        @Override
        public Object target() {
            return invocation.getThis();
        }

        @Override
        public Object[] arguments() {
            return invocation.getArguments();
        }

        @Override
        public Object proceed() throws Throwable {
            return invocation.proceed();
        }
    }
}
