package io.auditrail.core.capture;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.ExpressionEvaluator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;

/** Understands {@code #name}, {@code #p0}, {@code #result} and {@code .property} paths: enough to test capture. */
final class FakeExpressionEvaluator implements ExpressionEvaluator {

    @Override
    public AuditExpression parse(String expression, Method method, Class<?> targetClass) {
        if (!expression.matches("#[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new IllegalArgumentException("unexpected token in '" + expression + "'");
        }
        String[] parts = expression.substring(1).split("\\.");
        String root = parts[0];
        String[] path = Arrays.copyOfRange(parts, 1, parts.length);
        if (root.equals("result")) {
            return (invocation, result) -> navigate(result, path);
        }
        int index = indexOf(root, method);
        return (invocation, result) -> navigate(invocation.arguments()[index], path);
    }

    private static int indexOf(String root, Method method) {
        if (root.matches("p\\d+")) {
            int index = Integer.parseInt(root.substring(1));
            if (index >= method.getParameterCount()) {
                throw new IllegalArgumentException("no parameter " + root);
            }
            return index;
        }
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getName().equals(root)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no parameter named '" + root + "'");
    }

    private static Object navigate(Object value, String[] path) {
        Object current = value;
        for (String property : path) {
            if (current == null) {
                throw new IllegalStateException("cannot read '" + property + "' of null");
            }
            if (current instanceof Map<?, ?> map) {
                current = map.get(property);
                continue;
            }
            current = read(current, property);
        }
        return current;
    }

    private static Object read(Object target, String property) {
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : new String[] {property, getter}) {
            try {
                return target.getClass().getMethod(name).invoke(target);
            } catch (NoSuchMethodException e) {
                // try the getter
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read '" + property + "'", e);
            }
        }
        throw new IllegalStateException("no property '" + property + "'");
    }
}
