package io.auditrail.spring.internal.expression;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.util.StringUtils;

/**
 * Checks a parsed expression against the audited method before the application starts:
 * variables must be parameters or {@code #result}, property paths must exist on the
 * declared types as far as they are known, bean references must name beans, and a bare
 * word (a forgotten {@code #} or quotes) is caught instead of being read off the bean.
 */
final class ExpressionChecker {

    private final ParameterNameDiscoverer parameterNames;
    private final BeanFactory beanFactory;

    ExpressionChecker(ParameterNameDiscoverer parameterNames, BeanFactory beanFactory) {
        this.parameterNames = parameterNames;
        this.beanFactory = beanFactory;
    }

    void check(SpelNode ast, Method method, Class<?> targetClass) {
        SpelNode first = ast instanceof CompoundExpression ? ast.getChild(0) : ast;
        if (first instanceof PropertyOrFieldReference property && !hasProperty(targetClass, property.getName())) {
            throw new IllegalArgumentException("'" + property.getName() + "' would be read as a property of the bean; "
                    + "write #" + property.getName() + " for an argument or '" + property.getName() + "' for text");
        }
        walk(ast, method);
    }

    private void walk(SpelNode node, Method method) {
        if (node instanceof VariableReference) {
            checkVariable(node.toStringAST().substring(1), method);
        }
        if (node instanceof BeanReference && beanFactory != null) {
            String name = node.toStringAST().substring(1).replace("'", "");
            if (!beanFactory.containsBean(name)) {
                throw new IllegalArgumentException("no bean named '" + name + "' for @" + name);
            }
        }
        if (node instanceof CompoundExpression && node.getChild(0) instanceof VariableReference variable) {
            checkPath(variable, node, method);
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i), method);
        }
    }

    private void checkVariable(String name, Method method) {
        if (name.equals("root") || name.equals("this")) {
            return;
        }
        if (name.equals("result")) {
            if (method.getReturnType() == void.class) {
                throw new IllegalArgumentException("#result is used but the method returns void");
            }
            return;
        }
        if (parameterIndex(name, method) < 0) {
            throw new IllegalArgumentException("unknown variable #" + name + "; the method's parameters are "
                    + String.join(", ", names(method)) + (method.getReturnType() == void.class
                    ? "" : ", and #result holds its return value"));
        }
    }

    /** Follows #variable.a.b while each declared type is known; stops at maps, Object and anything dynamic. */
    private void checkPath(VariableReference variable, SpelNode compound, Method method) {
        String name = variable.toStringAST().substring(1);
        Class<?> type = declaredType(name, method);
        StringBuilder path = new StringBuilder("#").append(name);
        for (int i = 1; i < compound.getChildCount() && type != null; i++) {
            if (!(compound.getChild(i) instanceof PropertyOrFieldReference property)) {
                return;
            }
            path.append('.').append(property.getName());
            if (!isCheckable(type)) {
                return;
            }
            Class<?> next = propertyType(type, property.getName());
            if (next == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + property.getName()
                        + "' (reading " + path + ")");
            }
            type = next;
        }
    }

    private Class<?> declaredType(String variable, Method method) {
        if (variable.equals("result")) {
            Class<?> type = method.getReturnType();
            return type == void.class || CompletionStage.class.isAssignableFrom(type) ? null : type;
        }
        int index = parameterIndex(variable, method);
        return index < 0 ? null : method.getParameterTypes()[index];
    }

    private static boolean isCheckable(Class<?> type) {
        return type != Object.class && !Map.class.isAssignableFrom(type) && !type.isInterface() && !type.isArray();
    }

    private static boolean hasProperty(Class<?> type, String name) {
        return propertyType(type, name) != null;
    }

    private static Class<?> propertyType(Class<?> type, String name) {
        String capitalized = StringUtils.capitalize(name);
        for (String candidate : List.of("get" + capitalized, "is" + capitalized, name)) {
            try {
                Method accessor = type.getMethod(candidate);
                if (accessor.getReturnType() != void.class) {
                    return accessor.getReturnType();
                }
            } catch (NoSuchMethodException ignored) {
                // try the next accessor form
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && Modifier.isPublic(field.getModifiers())) {
                    return field.getType();
                }
            }
        }
        return null;
    }

    private int parameterIndex(String variable, Method method) {
        if (variable.matches("[pa]\\d+")) {
            int index = Integer.parseInt(variable.substring(1));
            return index < method.getParameterCount() ? index : -1;
        }
        return names(method).indexOf(variable);
    }

    private List<String> names(Method method) {
        String[] names = parameterNames.getParameterNames(method);
        return names == null ? new ArrayList<>() : List.of(names);
    }
}
