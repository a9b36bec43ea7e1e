package io.auditrail.micronaut.aop;

import io.auditrail.core.spi.AuditedInvocation;
import io.micronaut.aop.MethodInvocationContext;
import java.lang.reflect.Method;

/** Adapts Micronaut's invocation context to core's {@link AuditedInvocation}. */
final class MicronautInvocation implements AuditedInvocation {

    private final MethodInvocationContext<Object, Object> context;
    private final ReflectedMethods methods;

    MicronautInvocation(MethodInvocationContext<Object, Object> context, ReflectedMethods methods) {
        this.context = context;
        this.methods = methods;
    }

    @Override
    public Method method() {
        return methods.of(context.getExecutableMethod());
    }

    @Override
    public Class<?> targetClass() {
        Object target = context.getTarget();
        return target == null ? context.getDeclaringType() : ReflectedMethods.userClass(target.getClass());
    }

    @Override
    public Object target() {
        return context.getTarget();
    }

    @Override
    public Object[] arguments() {
        return context.getParameterValues();
    }

    @Override
    public Object proceed() {
        return context.proceed();
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable error) throws E {
        throw (E) error;
    }
}
