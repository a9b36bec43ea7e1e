package io.auditrail.micronaut.aop;

import io.micronaut.aop.Intercepted;
import io.micronaut.inject.ExecutableMethod;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Core reads {@code @Audited} and parameter names from {@link Method}; Micronaut knows
 * methods by compile-time metadata. This looks each method up once.
 */
final class ReflectedMethods {

    private final Map<ExecutableMethod<?, ?>, Method> methods = new ConcurrentHashMap<>();

    Method of(ExecutableMethod<?, ?> method) {
        return methods.computeIfAbsent(method, ExecutableMethod::getTargetMethod);
    }

    /** The application's class behind Micronaut's generated subclass proxy. */
    static Class<?> userClass(Class<?> type) {
        Class<?> current = type;
        while (Intercepted.class.isAssignableFrom(current) && current.getSuperclass() != null
                && current.getSuperclass() != Object.class) {
            current = current.getSuperclass();
        }
        return current;
    }
}
