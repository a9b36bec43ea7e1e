package io.auditrail.core.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class PathExpressionEvaluatorTest {

    record Customer(String id, Address address) {
    }

    record Address(String city) {
    }

    public static class Order {
        private final String number;
        private final boolean paid;

        public Order(String number, boolean paid) {
            this.number = number;
            this.paid = paid;
        }

        public String getNumber() {
            return number;
        }

        public boolean isPaid() {
            return paid;
        }
    }

    interface Service {
        Order place(Customer customer, String note, Map<String, Object> attributes);

        void cancel(String orderId);

        CompletionStage<Order> placeLater(Customer customer);
    }

    private final PathExpressionEvaluator evaluator = new PathExpressionEvaluator();

    @Test
    void readsParametersByNameAndPositionRecordComponentsGettersAndMapEntries() throws Exception {
        Method place = method("place");
        Object[] arguments = {new Customer("c-1", new Address("Lyon")), "rush", Map.of("channel", "web")};
        Order result = new Order("O-9", true);

        assertThat(evaluate("#customer.address.city", place, arguments, null)).isEqualTo("Lyon");
        assertThat(evaluate("#p1", place, arguments, null)).isEqualTo("rush");
        assertThat(evaluate("#a0.id", place, arguments, null)).isEqualTo("c-1");
        assertThat(evaluate("#attributes.channel", place, arguments, null)).isEqualTo("web");
        assertThat(evaluate("#result.number", place, arguments, result)).isEqualTo("O-9");
        assertThat(evaluate("#result.paid", place, arguments, result)).isEqualTo(true);
    }

    @Test
    void aNullOnThePathMakesTheValueNull() throws Exception {
        Method place = method("place");
        Object[] arguments = {new Customer("c-1", null), "rush", Map.of()};

        assertThat(evaluate("#customer.address.city", place, arguments, null)).isNull();
        assertThat(evaluate("#result.number", place, arguments, null)).isNull();
    }

    @Test
    void typosAreFoundAtParseTime() throws Exception {
        Method place = method("place");

        assertThatThrownBy(() -> evaluator.parse("#custmer.id", place, Service.class))
                .hasMessage("unknown variable #custmer; the method's parameters are #customer, #note, #attributes, "
                        + "and #result holds its return value");
        assertThatThrownBy(() -> evaluator.parse("#customer.adress.city", place, Service.class))
                .hasMessage("Customer has no property 'adress' (reading #customer.adress)");
        assertThatThrownBy(() -> evaluator.parse("#result.numbr", place, Service.class))
                .hasMessage("Order has no property 'numbr' (reading #result.numbr)");
        assertThatThrownBy(() -> evaluator.parse("#p3", place, Service.class)).hasMessageStartingWith("unknown variable #p3");
        assertThatThrownBy(() -> evaluator.parse("#result", method("cancel"), Service.class))
                .hasMessage("#result is used but the method returns void");
    }

    @Test
    void anythingButAPathIsRejectedWithTheAcceptedForm() throws Exception {
        Method place = method("place");

        for (String expression : new String[] {"customer.id", "#customer.id()", "#note + 'x'", "@beans.current",
                "#customer..id", "'literal'"}) {
            assertThatThrownBy(() -> evaluator.parse(expression, place, Service.class))
                    .as(expression).hasMessageStartingWith("expected #variable or #variable.property.path");
        }
    }

    @Test
    void theResultOfAnAsynchronousMethodIsCheckedOnlyAtRunTime() throws Exception {
        Method later = method("placeLater");

        AuditExpression expression = evaluator.parse("#result.number", later, Service.class);

        assertThat(expression.evaluate(invocation(later, new Object[] {null}), new Order("O-2", false))).isEqualTo("O-2");
        assertThatThrownBy(() -> expression.evaluate(invocation(later, new Object[] {null}), "text"))
                .hasMessage("java.lang.String has no property 'number'");
    }

    private Object evaluate(String expression, Method method, Object[] arguments, Object result) {
        return evaluator.parse(expression, method, Service.class).evaluate(invocation(method, arguments), result);
    }

    private static Method method(String name) {
        for (Method method : Service.class.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static AuditedInvocation invocation(Method method, Object[] arguments) {
        return new AuditedInvocation() {
            @Override
            public Method method() {
                return method;
            }

            @Override
            public Class<?> targetClass() {
                return Service.class;
            }

            @Override
            public Object target() {
                return null;
            }

            @Override
            public Object[] arguments() {
                return arguments;
            }

            @Override
            public Object proceed() {
                return null;
            }
        };
    }
}
