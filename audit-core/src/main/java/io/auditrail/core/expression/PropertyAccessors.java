package io.auditrail.core.expression;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds and caches the accessor of a property: bean getter or record component. */
final class PropertyAccessors {

    /** Per class, then per property name: a hit on the audited call's path allocates nothing. */
    private final ClassValue<Map<String, Method>> accessors = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    static boolean isCheckable(Class<?> type) {
        return type != Object.class && !Map.class.isAssignableFrom(type) && !type.isInterface() && !type.isArray();
    }

    /** The declared type of a property, or {@code null} when the type has none by that name. */
    Class<?> declaredType(Class<?> type, String property) {
        Method accessor = find(type, property);
        return accessor == null ? null : accessor.getReturnType();
    }

    Object read(Object target, String property) {
        if (target instanceof Map<?, ?> map) {
            return map.get(property);
        }
        Map<String, Method> byName = accessors.get(target.getClass());
        Method accessor = byName.get(property);
        if (accessor == null) {
            accessor = find(target.getClass(), property);
            if (accessor == null) {
                throw new IllegalArgumentException(target.getClass().getName() + " has no property '" + property + "'");
            }
            byName.put(property, accessor);
        }
        try {
            return accessor.invoke(target);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("reading '" + property + "' failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read '" + property + "' of " + target.getClass().getName(), e);
        }
    }

    private static Method find(Class<?> type, String property) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(property)) {
                    return accessible(component.getAccessor());
                }
            }
        }
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : new String[] {"get" + capitalized, "is" + capitalized}) {
            try {
                Method getter = type.getMethod(name);
                boolean usable = getter.getReturnType() != void.class && !Modifier.isStatic(getter.getModifiers())
                        && (name.startsWith("get") || getter.getReturnType() == boolean.class
                                || getter.getReturnType() == Boolean.class);
                if (usable) {
                    return accessible(getter);
                }
            } catch (NoSuchMethodException ignored) {
                // try the next accessor form
            }
        }
        return null;
    }

    /** A public accessor of a non-public class (a package-private record, say) still needs access. */
    private static Method accessible(Method method) {
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.trySetAccessible();
        }
        return method;
    }
}
