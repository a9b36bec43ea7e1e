package io.auditrail.core.capture;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;

/** Where one value of an event comes from: a literal, an argument, or an expression. */
sealed interface ValueSource {

    /** Whether the value can only be known after the call, because it reads {@code #result}. */
    boolean afterCall();

    Object value(AuditedInvocation invocation, Object result);

    /** Human-readable origin for error messages. */
    String describe();

    record Literal(String text) implements ValueSource {
        @Override
        public boolean afterCall() {
            return false;
        }

        @Override
        public Object value(AuditedInvocation invocation, Object result) {
            return text;
        }

        @Override
        public String describe() {
            return "literal '" + text + "'";
        }
    }

    record Argument(int index, String name) implements ValueSource {
        @Override
        public boolean afterCall() {
            return false;
        }

        @Override
        public Object value(AuditedInvocation invocation, Object result) {
            return invocation.arguments()[index];
        }

        @Override
        public String describe() {
            return "argument '" + name + "'";
        }
    }

    record Expression(String text, AuditExpression expression, boolean afterCall) implements ValueSource {
        @Override
        public Object value(AuditedInvocation invocation, Object result) {
            return expression.evaluate(invocation, result);
        }

        @Override
        public String describe() {
            return "expression '" + text + "'";
        }
    }
}
