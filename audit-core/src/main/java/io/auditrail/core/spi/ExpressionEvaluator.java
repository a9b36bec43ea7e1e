package io.auditrail.core.spi;

import java.lang.reflect.Method;

/**
 * The expression language of {@code @Audited} attributes, implemented by each framework
 * adapter (SpEL in Spring). Expressions are parsed once per method, when the audited
 * bean is created, and evaluated on every call.
 */
public interface ExpressionEvaluator {

    /**
     * Parses and checks an expression.
     *
     * @param expression the expression text, for example {@code "#invoice.id"}
     * @param method the audited method, whose parameter names the expression may use
     * @param targetClass the class the method is called on
     * @return the parsed expression
     * @throws IllegalArgumentException when the expression is malformed or names a
     *         parameter the method does not have; the message says why
     */
    AuditExpression parse(String expression, Method method, Class<?> targetClass);
}
