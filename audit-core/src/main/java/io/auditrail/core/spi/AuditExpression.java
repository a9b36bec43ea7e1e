package io.auditrail.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code @Audited} expression.
 */
@FunctionalInterface
public interface AuditExpression {

    /**
     * Evaluates the expression for one call.
     *
     * @param invocation the call, for its target and arguments
     * @param result the method's return value ({@code #result}); {@code null} before the
     *        call, for {@code void} methods and on failure
     * @return the value, possibly {@code null}
     */
    @Nullable Object evaluate(AuditedInvocation invocation, @Nullable Object result);
}
