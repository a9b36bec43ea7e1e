package io.auditrail.spring.internal.aop;

import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.spi.AuditedInvocation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;

/**
 * Adapts a Spring {@link MethodInvocation} to core's {@link AuditedInvocation} and lets the
 * {@link InvocationAuditor} run it.
 */
public final class AuditedMethodInterceptor implements MethodInterceptor {

    private final Supplier<InvocationAuditor> auditorSupplier;
    private volatile InvocationAuditor auditor;
    /** Resolving the implementation's method walks bridge methods: measured as a per-call hot spot. */
    private final Map<MethodClassKey, Method> specificMethods = new ConcurrentHashMap<>();

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
        Object target = invocation.getThis();
        Class<?> targetClass = target == null ? invocation.getMethod().getDeclaringClass()
                : AopUtils.getTargetClass(target);
        Method method = specificMethods.computeIfAbsent(new MethodClassKey(invocation.getMethod(), targetClass),
                key -> AopUtils.getMostSpecificMethod(invocation.getMethod(), targetClass));
        return current.invoke(new SpringInvocation(invocation, method, targetClass));
    }

    /**
     * One call, seen through the implementation's method (as start-up validation saw it, even
     * behind a JDK proxy).
     */
    private record SpringInvocation(MethodInvocation invocation, Method method, Class<?> targetClass)
            implements AuditedInvocation {

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
