package io.auditrail.spring.internal.expression;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;
import io.auditrail.core.spi.ExpressionEvaluator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Evaluates {@code @Audited} expressions with SpEL: arguments by name ({@code #invoiceId})
 * and position ({@code #p0}, {@code #a0}), {@code #result}, nested properties and bean
 * references ({@code @tenants.current()}). At parse time variables, property paths on the
 * declared types, bean references and bare words are checked, so a typo fails application
 * start-up.
 */
public final class SpelExpressionEvaluator implements ExpressionEvaluator {

    /** Default configuration: auto-growing null references would write into the audited method's arguments. */
    private static final SpelExpressionParser INTERPRETER = new SpelExpressionParser();

    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final BeanFactoryResolver beanResolver;
    private final ExpressionChecker checker;

    /**
     * Creates an evaluator.
     *
     * @param beanFactory resolves {@code @bean} references, or {@code null} to disallow them
     */
    public SpelExpressionEvaluator(BeanFactory beanFactory) {
        this.beanResolver = beanFactory == null ? null : new BeanFactoryResolver(beanFactory);
        this.checker = new ExpressionChecker(parameterNames, beanFactory);
    }

    @Override
    public AuditExpression parse(String expression, Method method, Class<?> targetClass) {
        Expression parsed;
        try {
            parsed = INTERPRETER.parseExpression(expression);
            if (onlyReads(((SpelExpression) parsed).getAST())) {
                parsed = compiler(targetClass).parseExpression(expression);
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getSimpleMessage() + " at position " + e.getPosition(), e);
        }
        SpelNode ast = ((SpelExpression) parsed).getAST();
        checker.check(ast, method, targetClass);
        String[] names = parameterNames.getParameterNames(method);
        int argument = ast instanceof VariableReference ? argumentIndex(expression.strip(), method, names) : -1;
        if (argument >= 0) {
            return new ArgumentReference(argument);
        }
        return new CompiledSpel(parsed, new KnownParameterNames(names), this);
    }

    /**
     * SpEL's compiler for an expression that only reads: no auto-growing, which would write into
     * the audited method's arguments. {@link SpelCompilerMode#MIXED} turns an expression into
     * bytecode once it has been interpreted a hundred times, and interprets it again whenever the
     * compiled form fails (an argument of another runtime type, a null on the path), so values
     * and exceptions stay the interpreter's. Interpreted, every property on a path is looked up
     * reflectively on every call: about half the caller-thread CPU that {@code @Audited} added to
     * a call in the transactional caller benchmark. The compiled class is loaded beside the
     * audited class, so that it can see the types on the path.
     */
    private static SpelExpressionParser compiler(Class<?> targetClass) {
        return new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED,
                targetClass.getClassLoader()));
    }

    /**
     * Whether an expression only reads properties, variables and literals. A compiled form that
     * fails part-way is run again by the interpreter, so anything it called before failing would
     * run twice: a method, a function, a constructor, a bean look-up or an assignment keeps the
     * expression interpreted, where each runs once per evaluation.
     */
    private static boolean onlyReads(SpelNode node) {
        if (node instanceof MethodReference || node instanceof FunctionReference
                || node instanceof ConstructorReference || node instanceof BeanReference
                || node instanceof Assign || node instanceof OpInc || node instanceof OpDec) {
            return false;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (!onlyReads(node.getChild(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The argument a bare variable reference such as {@code #sku} or {@code #p0} reads, or -1
     * when it reads anything else. Resolved as {@link MethodBasedEvaluationContext} would: it
     * binds {@code a<i>}, {@code p<i>}, then the parameter's name, in parameter order, a later
     * binding replacing an earlier one of the same name. {@code #result}, {@code #root} and
     * {@code #this} are never arguments here; varargs are left to SpEL, which reshapes them.
     */
    private static int argumentIndex(String expression, Method method, String[] names) {
        if (!expression.startsWith("#") || method.isVarArgs()) {
            return -1;
        }
        String variable = expression.substring(1);
        if (variable.equals("result") || variable.equals("root") || variable.equals("this")) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < method.getParameterCount(); i++) {
            if (variable.equals("a" + i) || variable.equals("p" + i)
                    || (names != null && variable.equals(names[i]))) {
                found = i;
            }
        }
        return found;
    }

    /**
     * A bare reference to one argument, read without an evaluation context: building SpEL's
     * context was most of what an audited call allocated (about 1.5 KB of 4.6 KB in the caller
     * benchmark), and the value is the same object SpEL would return.
     */
    private record ArgumentReference(int index) implements AuditExpression {
        @Override
        public Object evaluate(AuditedInvocation invocation, Object result) {
            return invocation.arguments()[index];
        }
    }

    private MethodBasedEvaluationContext context(AuditedInvocation invocation, Object result,
            ParameterNameDiscoverer names) {
        MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(invocation.target(),
                invocation.method(), invocation.arguments(), names);
        context.setVariable("result", result);
        if (beanResolver != null) {
            context.setBeanResolver(beanResolver);
        }
        return context;
    }

    private record CompiledSpel(Expression expression, ParameterNameDiscoverer names, SpelExpressionEvaluator evaluator)
            implements AuditExpression {
        @Override
        public Object evaluate(AuditedInvocation invocation, Object result) {
            return expression.getValue(evaluator.context(invocation, result, names));
        }
    }

    /**
     * The audited method's parameter names, discovered once at parse time: discovering them
     * again on every call was the largest per-call cost in the caller benchmark.
     */
    private record KnownParameterNames(String[] names) implements ParameterNameDiscoverer {
        @Override
        public String[] getParameterNames(Method method) {
            return names;
        }

        @Override
        public String[] getParameterNames(Constructor<?> ctor) {
            return null;
        }
    }
}
