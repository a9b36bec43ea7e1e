package io.auditrail.spring.expression;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;
import io.auditrail.core.spi.ExpressionEvaluator;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Evaluates {@code @Audited} expressions with SpEL: arguments by name ({@code #invoiceId})
 * and position ({@code #p0}, {@code #a0}), {@code #result}, nested properties and bean
 * references ({@code @tenants.current()}). At parse time every {@code #variable} is checked
 * against the method's parameters, so a typo fails application start-up.
 */
public final class SpelExpressionEvaluator implements ExpressionEvaluator {

    /** Default configuration: auto-growing null references would write into the audited method's arguments. */
    private final SpelExpressionParser parser = new SpelExpressionParser();
    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final BeanFactoryResolver beanResolver;

    /**
     * Creates an evaluator.
     *
     * @param beanFactory resolves {@code @bean} references, or {@code null} to disallow them
     */
    public SpelExpressionEvaluator(BeanFactory beanFactory) {
        this.beanResolver = beanFactory == null ? null : new BeanFactoryResolver(beanFactory);
    }

    @Override
    public AuditExpression parse(String expression, Method method, Class<?> targetClass) {
        Expression parsed;
        try {
            parsed = parser.parseExpression(expression);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getSimpleMessage() + " at position " + e.getPosition(), e);
        }
        checkVariables(((SpelExpression) parsed).getAST(), method);
        return new CompiledSpel(parsed, this);
    }

    private void checkVariables(SpelNode node, Method method) {
        if (node instanceof VariableReference) {
            String name = node.toStringAST().substring(1);
            if (!knownVariables(method).contains(name)) {
                throw new IllegalArgumentException("unknown variable #" + name + "; the method's parameters are "
                        + String.join(", ", parameterNames(method)) + (method.getReturnType() == void.class
                        ? "" : ", and #result holds its return value"));
            }
            if (name.equals("result") && method.getReturnType() == void.class) {
                throw new IllegalArgumentException("#result is used but the method returns void");
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            checkVariables(node.getChild(i), method);
        }
    }

    private Set<String> knownVariables(Method method) {
        Set<String> names = new HashSet<>(Set.of("result", "root", "this"));
        for (int i = 0; i < method.getParameterCount(); i++) {
            names.add("p" + i);
            names.add("a" + i);
        }
        names.addAll(parameterNames(method));
        return names;
    }

    private java.util.List<String> parameterNames(Method method) {
        String[] names = parameterNames.getParameterNames(method);
        return names == null ? java.util.List.of() : java.util.List.of(names);
    }

    private MethodBasedEvaluationContext context(AuditedInvocation invocation, Object result) {
        MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(invocation.target(),
                invocation.method(), invocation.arguments(), parameterNames);
        context.setVariable("result", result);
        if (beanResolver != null) {
            context.setBeanResolver(beanResolver);
        }
        return context;
    }

    private record CompiledSpel(Expression expression, SpelExpressionEvaluator evaluator) implements AuditExpression {
        @Override
        public Object evaluate(AuditedInvocation invocation, Object result) {
            return expression.getValue(evaluator.context(invocation, result));
        }
    }
}
