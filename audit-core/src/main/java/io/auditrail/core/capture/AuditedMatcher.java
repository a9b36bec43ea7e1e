package io.auditrail.core.capture;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which methods an {@code @Audited} applies to, with nothing but reflection, so a
 * framework's pointcut can use it while the application is still starting.
 */
public final class AuditedMatcher {

    private final Map<Class<?>, Boolean> auditedTypes = new ConcurrentHashMap<>();

    /**
     * Whether {@code @Audited} appears anywhere on a class, its supertypes or their methods:
     * a cheap, cached filter before looking at single methods.
     *
     * @param targetClass a bean class
     * @return {@code false} when no method of the class can be audited
     */
    public boolean mayBeAudited(Class<?> targetClass) {
        return auditedTypes.computeIfAbsent(targetClass, AuditedAnnotations::appearsIn);
    }

    /**
     * Whether calls of the method on the class are audited.
     *
     * @param method the called method
     * @param targetClass the class of the receiving object
     * @return {@code true} when an {@code @Audited} applies
     */
    public boolean isAudited(Method method, Class<?> targetClass) {
        return mayBeAudited(targetClass) && AuditedAnnotations.find(method, targetClass).isPresent();
    }
}
