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
    /**
     * Each called method's implementation and audit plan, keyed by the method alone so that a
     * call allocates no key: resolving the most specific method and looking up the plan were
     * measured per-call costs. A method called on a second target class (a method inherited by
     * several beans) is kept in {@link #byClass}, under a key allocated per call.
     */
    private final Map<Method, Prepared> byMethod = new ConcurrentHashMap<>();
    private final Map<MethodClassKey, Prepared> byClass = new ConcurrentHashMap<>();

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
        Method called = invocation.getMethod();
        Class<?> targetClass = target == null ? called.getDeclaringClass() : AopUtils.getTargetClass(target);
        Prepared prepared = byMethod.get(called);
        if (prepared == null || prepared.targetClass() != targetClass) {
            prepared = prepare(current, called, targetClass);
        }
        return current.invoke(prepared.audited(), new SpringInvocation(invocation, prepared.method(), targetClass));
    }

    private Prepared prepare(InvocationAuditor current, Method called, Class<?> targetClass) {
        Prepared first = byMethod.computeIfAbsent(called, key -> prepared(current, called, targetClass));
        if (first.targetClass() == targetClass) {
            return first;
        }
        return byClass.computeIfAbsent(new MethodClassKey(called, targetClass),
                key -> prepared(current, called, targetClass));
    }

    private static Prepared prepared(InvocationAuditor current, Method called, Class<?> targetClass) {
        Method method = AopUtils.getMostSpecificMethod(called, targetClass);
        return new Prepared(targetClass, method, current.prepare(method, targetClass));
    }

    /** A called method as seen on one target class: its implementation and its audit plan. */
    private record Prepared(Class<?> targetClass, Method method, InvocationAuditor.AuditedMethod audited) {
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
