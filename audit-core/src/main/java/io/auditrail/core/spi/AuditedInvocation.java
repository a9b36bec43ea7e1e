package io.auditrail.core.spi;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * One call of an audited method, as a framework's interceptor sees it. The Spring aspect
 * and the Micronaut interceptor adapt their own invocation types to this one.
 */
public interface AuditedInvocation {

    /**
     * The method being called, as the proxy saw it (possibly declared on an interface).
     *
     * @return the method
     */
    Method method();

    /**
     * The class of the object receiving the call.
     *
     * @return the target class
     */
    Class<?> targetClass();

    /**
     * The object receiving the call.
     *
     * @return the target, or {@code null} for static methods
     */
    @Nullable Object target();

    /**
     * The call's arguments, in declaration order.
     *
     * @return the arguments; callers must not modify the array
     */
    @Nullable Object[] arguments();

    /**
     * Calls the method.
     *
     * @return its result
     * @throws Throwable whatever the method throws, unchanged
     */
    Object proceed() throws Throwable;
}
