package io.auditrail.core.expression;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;
import io.auditrail.core.spi.ExpressionEvaluator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Evaluates property paths: a variable, then any number of {@code .property} steps.
 *
 * <ul>
 *   <li>Variables: a parameter by name ({@code #invoiceId}, needs {@code -parameters}), by
 *       position ({@code #p0} or {@code #a0}), or {@code #result}, the return value.</li>
 *   <li>Properties: a bean getter ({@code getNumber()}, {@code isPaid()}), a record
 *       component ({@code number()}), or a {@link Map} entry by key.</li>
 *   <li>A {@code null} anywhere on the path makes the whole value {@code null}.</li>
 * </ul>
 * At parse time the variable must exist and every step must be a property of the declared
 * type as far as that type is known (not an interface, {@code Object} or a map), so a typo
 * fails application start-up. Anything else (operators, method calls, bean references) is
 * rejected: those need a framework's expression language, such as SpEL in the Spring starter.
 */
public final class PathExpressionEvaluator implements ExpressionEvaluator {

    private static final Pattern SYNTAX = Pattern.compile("#[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern POSITION = Pattern.compile("[pa]\\d+");

    private final PropertyAccessors accessors = new PropertyAccessors();

    @Override
    public AuditExpression parse(String expression, Method method, Class<?> targetClass) {
        String text = expression.strip();
        if (!SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("expected #variable or #variable.property.path (parameters by name, "
                    + "#p0/#a0, or #result) but was '" + expression + "'");
        }
        String[] parts = text.substring(1).split("\\.");
        String variable = parts[0];
        List<String> path = List.of(Arrays.copyOfRange(parts, 1, parts.length));
        if (variable.equals("result")) {
            if (method.getReturnType() == void.class) {
                throw new IllegalArgumentException("#result is used but the method returns void");
            }
            Class<?> type = CompletionStage.class.isAssignableFrom(method.getReturnType()) ? null : method.getReturnType();
            check(type, text, path);
            return new Path(-1, path, accessors);
        }
        int index = parameterIndex(variable, method);
        if (index < 0) {
            throw new IllegalArgumentException("unknown variable #" + variable + "; the method's parameters are "
                    + String.join(", ", names(method)) + (method.getReturnType() == void.class ? ""
                    : ", and #result holds its return value"));
        }
        check(method.getParameterTypes()[index], text, path);
        return new Path(index, path, accessors);
    }

    private void check(Class<?> declared, String text, List<String> path) {
        Class<?> type = declared;
        StringBuilder read = new StringBuilder(text.substring(0, text.indexOf('.') < 0 ? text.length() : text.indexOf('.')));
        for (String property : path) {
            read.append('.').append(property);
            if (type == null || !PropertyAccessors.isCheckable(type)) {
                return;
            }
            Class<?> next = accessors.declaredType(type, property);
            if (next == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + property
                        + "' (reading " + read + ")");
            }
            type = next;
        }
    }

    private static int parameterIndex(String variable, Method method) {
        if (POSITION.matcher(variable).matches()) {
            int index = Integer.parseInt(variable.substring(1));
            return index < method.getParameterCount() ? index : -1;
        }
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isNamePresent() && parameters[i].getName().equals(variable)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(Method method) {
        List<String> names = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            names.add(parameters[i].isNamePresent() ? "#" + parameters[i].getName() : "#p" + i
                    + " (compile with -parameters to use names)");
        }
        return names.isEmpty() ? List.of("(none)") : names;
    }

    /** A parsed path; {@code index} -1 reads {@code #result}. */
    private record Path(int index, List<String> properties, PropertyAccessors accessors) implements AuditExpression {
        @Override
        public Object evaluate(AuditedInvocation invocation, Object result) {
            Object value = index < 0 ? result : invocation.arguments()[index];
            for (String property : properties) {
                if (value == null) {
                    return null;
                }
                value = accessors.read(value, property);
            }
            return value;
        }
    }
}
