package io.auditrail.core.capture;

import io.auditrail.core.spi.AuditedInvocation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls the target directly, as a proxy would after its interceptor chain. */
record ReflectiveInvocation(Object target, Method method, Object[] arguments) implements AuditedInvocation {

    static ReflectiveInvocation of(Object target, String name, Object... arguments) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return new ReflectiveInvocation(target, method, arguments);
            }
        }
        throw new IllegalArgumentException("no method " + name);
    }

    @Override
    public Class<?> targetClass() {
        return target.getClass();
    }

    @Override
    public Object proceed() throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
