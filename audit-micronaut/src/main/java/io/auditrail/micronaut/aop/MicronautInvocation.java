package io.auditrail.micronaut.aop;

import io.auditrail.core.spi.AuditedInvocation;
import io.micronaut.aop.MethodInvocationContext;
import java.lang.reflect.Method;

/**
 * Adapts Micronaut's invocation context to core's {@link AuditedInvocation}, with the method and
 * target class resolved once per call (core asks for them more than once).
 */
record MicronautInvocation(MethodInvocationContext<Object, Object> context, Method method, Class<?> targetClass)
        implements AuditedInvocation {

    static MicronautInvocation of(MethodInvocationContext<Object, Object> context, ReflectedMethods methods) {
        Object target = context.getTarget();
        Class<?> targetClass = target == null ? context.getDeclaringType() : ReflectedMethods.userClass(target.getClass());
        return new MicronautInvocation(context, methods.of(context.getExecutableMethod()), targetClass);
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
