package io.auditrail.core.capture;

import io.auditrail.annotations.Audited;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@code @Audited} that applies to a method called on a target class: on the
 * implementation method, on an overridden or interface method, then on the implementation
 * type or an interface type (public methods only).
 */
final class AuditedAnnotations {

    /** The annotation and the methods whose parameters may carry companion annotations, most specific first. */
    record Found(Audited audited, List<Method> declarations) {
    }

    private AuditedAnnotations() {
    }

    static Optional<Found> find(Method method, Class<?> targetClass) {
        if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()
                || method.getDeclaringClass() == Object.class) {
            return Optional.empty();
        }
        Class<?> type = targetClass == null ? method.getDeclaringClass() : targetClass;
        List<Method> declarations = declarations(method, type);
        for (Method declaration : declarations) {
            Audited audited = declaration.getAnnotation(Audited.class);
            if (audited != null) {
                return Optional.of(new Found(audited, declarations));
            }
        }
        if (!Modifier.isPublic(method.getModifiers()) || isObjectMethod(method)) {
            return Optional.empty();
        }
        for (Class<?> candidate : typeHierarchy(type)) {
            Audited audited = candidate.getAnnotation(Audited.class);
            if (audited != null) {
                return Optional.of(new Found(audited, declarations));
            }
        }
        return Optional.empty();
    }

    /** toString, equals and hashCode are not business actions, even on a type-level {@code @Audited}. */
    private static boolean isObjectMethod(Method method) {
        return switch (method.getName()) {
            case "toString", "hashCode" -> method.getParameterCount() == 0;
            case "equals" -> method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class;
            default -> false;
        };
    }

    /** Whether {@code @Audited} appears anywhere on the type, its supertypes or their methods. */
    static boolean appearsIn(Class<?> type) {
        for (Class<?> candidate : typeHierarchy(type)) {
            if (candidate.isAnnotationPresent(Audited.class)) {
                return true;
            }
            for (Method method : candidate.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Audited.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    static <A extends Annotation> A parameterAnnotation(List<Method> declarations, int index, Class<A> type) {
        for (Method declaration : declarations) {
            A annotation = declaration.getParameters()[index].getAnnotation(type);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }

    private static List<Method> declarations(Method method, Class<?> targetClass) {
        Set<Method> found = new LinkedHashSet<>();
        for (Class<?> type : typeHierarchy(targetClass)) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(method.getName()) && !candidate.isBridge()
                        && Arrays.equals(candidate.getParameterTypes(), method.getParameterTypes())) {
                    found.add(candidate);
                }
            }
        }
        found.add(method);
        return List.copyOf(found);
    }

    /** The type, its superclasses, then every interface they implement, breadth first. */
    private static List<Class<?>> typeHierarchy(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(c);
        }
        Set<Class<?>> all = new LinkedHashSet<>(classes);
        List<Class<?>> queue = new ArrayList<>(classes);
        for (int i = 0; i < queue.size(); i++) {
            for (Class<?> implemented : queue.get(i).getInterfaces()) {
                if (all.add(implemented)) {
                    queue.add(implemented);
                }
            }
        }
        return List.copyOf(all);
    }
}
