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

    /** Walked once per class; audited calls only read it. */
    private static final ClassValue<Class<?>> USER_CLASSES = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            return walkToUserClass(type);
        }
    };

    /** The application's class behind Micronaut's generated subclass proxy. */
    static Class<?> userClass(Class<?> type) {
        return USER_CLASSES.get(type);
    }

    private static Class<?> walkToUserClass(Class<?> type) {
        Class<?> current = type;
        while (Intercepted.class.isAssignableFrom(current) && current.getSuperclass() != null
                && current.getSuperclass() != Object.class) {
            current = current.getSuperclass();
        }
        return current;
    }
}
