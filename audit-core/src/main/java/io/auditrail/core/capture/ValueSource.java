package io.auditrail.core.capture;

import io.auditrail.core.spi.AuditExpression;
import io.auditrail.core.spi.AuditedInvocation;

/** Where one value of an event comes from: a literal, an argument, or an expression. */
sealed interface ValueSource {

    /** Whether the value is taken before the method runs; every other value is taken after it. */
    boolean beforeCall();

    /** Whether the value reads {@code #result}, which a call that threw does not have. */
    boolean readsResult();

    Object value(AuditedInvocation invocation, Object result);

    /** Human-readable origin for error messages. */
    String describe();

    record Literal(String text) implements ValueSource {
        @Override
        public boolean beforeCall() {
            return false;
        }

        @Override
        public boolean readsResult() {
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
        public boolean beforeCall() {
            return false;
        }

        @Override
        public boolean readsResult() {
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

    record Expression(String text, AuditExpression expression, boolean readsResult, boolean beforeCall)
            implements ValueSource {
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
