package io.auditrail.spring.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.expression.spel.SpelMessage;
import org.springframework.expression.spel.standard.SpelExpressionParser;

class SpelExpressionEvaluatorTests {

    record Customer(String name, Map<String, String> tags) {
    }

    record Order(String id, Customer customer) {
    }

    static class Orders {
        public Order place(String orderId, Customer customer) {
            return new Order(orderId, customer);
        }

        public void cancel(String orderId) {
        }
    }

    static class Clock {
        public String zone() {
            return "UTC";
        }
    }

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("clock", new Clock()));
    private final SpelExpressionEvaluator evaluator = new SpelExpressionEvaluator(beans);
    private final Method place = method("place");
    private final Method cancel = method("cancel");

    private static Method method(String name) {
        for (Method method : Orders.class.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private Object evaluate(String expression, Object result) {
        Object[] args = {"o-1", new Customer("Ada", Map.of("tier", "gold"))};
        AuditedInvocation invocation = new AuditedInvocation() {
            public Method method() {
                return place;
            }

            public Class<?> targetClass() {
                return Orders.class;
            }

            public Object target() {
                return new Orders();
            }

            public Object[] arguments() {
                return args;
            }

            public Object proceed() {
                return null;
            }
        };
        return evaluator.parse(expression, place, Orders.class).evaluate(invocation, result);
    }

    @Test
    void readsArgumentsByNameAndPositionNestedPropertiesResultAndBeans() {
        Order order = new Order("o-1", new Customer("Ada", Map.of()));

        assertThat(evaluate("#orderId", null)).isEqualTo("o-1");
        assertThat(evaluate("#p0", null)).isEqualTo("o-1");
        assertThat(evaluate("#a1.name", null)).isEqualTo("Ada");
        assertThat(evaluate("#customer.tags['tier']", null)).isEqualTo("gold");
        assertThat(evaluate("#result.customer.name", order)).isEqualTo("Ada");
        assertThat(evaluate("@clock.zone()", null)).isEqualTo("UTC");
    }

    @Test
    void rejectsUnknownVariablesAtParseTimeListingTheParameters() {
        assertThatThrownBy(() -> evaluator.parse("#ordrId", place, Orders.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown variable #ordrId; the method's parameters are orderId, customer, and #result "
                        + "holds its return value");
    }

    @Test
    void rejectsResultOnVoidMethodsAndMalformedSyntax() {
        assertThatThrownBy(() -> evaluator.parse("#result.id", cancel, Orders.class))
                .hasMessage("#result is used but the method returns void");
        assertThatThrownBy(() -> evaluator.parse("#orderId.", place, Orders.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at position");
    }

    @Test
    void rejectsPropertyTyposOnDeclaredTypesBeanTyposAndBareWordsAtParseTime() {
        assertThatThrownBy(() -> evaluator.parse("#customer.nmae", place, Orders.class))
                .hasMessage("Customer has no property 'nmae' (reading #customer.nmae)");
        assertThatThrownBy(() -> evaluator.parse("#result.customer.nmae", place, Orders.class))
                .hasMessage("Customer has no property 'nmae' (reading #result.customer.nmae)");
        assertThatThrownBy(() -> evaluator.parse("@clok.zone()", place, Orders.class))
                .hasMessage("no bean named 'clok' for @clok");
        assertThatThrownBy(() -> evaluator.parse("INV", place, Orders.class))
                .hasMessageStartingWith("'INV' would be read as a property of the bean");
    }

    @Test
    void acceptsPathsItCannotCheckStatically() {
        evaluator.parse("#customer.tags['tier']", place, Orders.class);
        evaluator.parse("#customer.tags.tier", place, Orders.class);
        evaluator.parse("#customer?.name", place, Orders.class);
        evaluator.parse("'literal'", place, Orders.class);
    }

    static class Shadowing {
        public String shadow(String p1, String second, String result, String unset) {
            return p1;
        }
    }

    /**
     * A bare argument reference is read without building SpEL's context; it must give what
     * SpEL gives, also where a parameter's name shadows another's position variable and where
     * an argument is null.
     */
    @Test
    void bareArgumentReferencesReadWhatSpelReads() throws Exception {
        Method shadow = Shadowing.class.getMethod("shadow", String.class, String.class, String.class, String.class);
        Object[] args = {"first", "second-value", "third", null};
        AuditedInvocation invocation = new AuditedInvocation() {
            public Method method() {
                return shadow;
            }

            public Class<?> targetClass() {
                return Shadowing.class;
            }

            public Object target() {
                return new Shadowing();
            }

            public Object[] arguments() {
                return args;
            }

            public Object proceed() {
                return null;
            }
        };
        for (String expression : new String[] {"#p0", "#a0", "#p1", "#a1", "#second", "#p2", "#result", "#unset",
                "#p3"}) {
            MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(invocation.target(), shadow, args,
                    new DefaultParameterNameDiscoverer());
            context.setVariable("result", "the-result");
            Object bySpel = new SpelExpressionParser().parseExpression(expression).getValue(context);

            Object byEvaluator = evaluator.parse(expression, shadow, Shadowing.class).evaluate(invocation, "the-result");

            assertThat(byEvaluator).as(expression).isEqualTo(bySpel);
        }
        assertThat(evaluator.parse("#p1", shadow, Shadowing.class).evaluate(invocation, null)).isEqualTo("second-value");
    }

    /**
     * Past the compiler's threshold a path over public types runs as bytecode; it must still
     * read what the interpreter reads, and a null on the path must still fail as the
     * interpreter fails, not with the compiled code's NullPointerException.
     */
    @Test
    void anExpressionCalledOftenEnoughToBeCompiledStillBehavesAsInterpreted() throws Exception {
        Method pay = CompilablePayments.class.getMethod("pay", CompilablePayments.Payment.class);
        AuditExpression expression = evaluator.parse("#payment.payer.name", pay, CompilablePayments.class);

        for (int i = 0; i < 500; i++) {
            CompilablePayments.Payment payment = new CompilablePayments.Payment("p-" + i,
                    new CompilablePayments.Payer("payer-" + i));
            assertThat(expression.evaluate(paying(pay, payment), null)).isEqualTo("payer-" + i);
        }
        assertThatThrownBy(() -> expression.evaluate(paying(pay, new CompilablePayments.Payment("p-x", null)), null))
                .isInstanceOfSatisfying(SpelEvaluationException.class, e -> assertThat(e.getMessageCode())
                        .isEqualTo(SpelMessage.PROPERTY_OR_FIELD_NOT_READABLE_ON_NULL));
        assertThat(expression.evaluate(paying(pay, new CompilablePayments.Payment("p-y",
                new CompilablePayments.Payer("after"))), null)).isEqualTo("after");
    }

    /**
     * SpEL reruns a compiled expression that fails part-way in the interpreter: an expression
     * that calls a method stays interpreted, so the method runs once per evaluation even when
     * the path fails after it.
     */
    @Test
    void anExpressionCallingAMethodRunsItOncePerEvaluationEvenWhenThePathFails() throws Exception {
        Method pay = CompilablePayments.class.getMethod("payCounted", CompilablePayments.CountedPayment.class);
        AuditExpression expression = evaluator.parse("#payment.looked().payer.name", pay, CompilablePayments.class);
        CompilablePayments.CountedPayment payment = new CompilablePayments.CountedPayment(
                new CompilablePayments.Payer("payer"));
        for (int i = 0; i < 500; i++) {
            assertThat(expression.evaluate(paying(pay, payment), null)).isEqualTo("payer");
        }
        CompilablePayments.CountedPayment unpaid = new CompilablePayments.CountedPayment(null);

        assertThatThrownBy(() -> expression.evaluate(paying(pay, unpaid), null))
                .isInstanceOf(SpelEvaluationException.class);

        assertThat(payment.looks()).isEqualTo(500);
        assertThat(unpaid.looks()).as("not run again by the interpreter after a compiled failure").isEqualTo(1);
    }

    private static AuditedInvocation paying(Method pay, Object payment) {
        return new AuditedInvocation() {
            public Method method() {
                return pay;
            }

            public Class<?> targetClass() {
                return CompilablePayments.class;
            }

            public Object target() {
                return new CompilablePayments();
            }

            public Object[] arguments() {
                return new Object[] {payment};
            }

            public Object proceed() {
                return null;
            }
        };
    }
}
