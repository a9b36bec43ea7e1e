package io.auditrail.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One metadata entry of an {@link Audited} event: a static {@link #value()} or a
 * computed {@link #expression()}, exactly one of the two.
 *
 * <pre>{@code
 * @Audited(action = "invoice.sent", resourceId = "#invoiceId", metadata = {
 *     @AuditMetadata(key = "channel", value = "email"),
 *     @AuditMetadata(key = "recipient", expression = "#recipient.email") })
 * }</pre>
 *
 * <p>An expression is evaluated after the call, like every {@link Audited} expression, unless
 * {@link #beforeCall()} asks for the value the call is about to change:
 *
 * <pre>{@code
 * @Audited(action = "invoice.status.changed", resourceId = "#invoice.id", metadata = {
 *     @AuditMetadata(key = "previous_status", expression = "#invoice.status", beforeCall = true),
 *     @AuditMetadata(key = "status", expression = "#invoice.status") })
 * public void changeStatus(Invoice invoice, Status status) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface AuditMetadata {

    /**
     * Metadata key, for example {@code "amount"}.
     *
     * @return the key
     */
    String key();

    /**
     * Static value, recorded as given.
     *
     * @return the value, or empty when {@link #expression()} is used
     */
    String value() default "";

    /**
     * Expression evaluated over the arguments and {@code #result}, for example
     * {@code "#request.amount"}. The result is recorded as JSON (numbers, strings,
     * booleans, lists, maps, records and beans).
     *
     * @return the expression, or empty when {@link #value()} is used
     */
    String expression() default "";

    /**
     * Whether {@link #expression()} is evaluated before the method runs, to record the state
     * the call is about to overwrite. Such an expression cannot read {@code #result} (checked
     * at start-up). Off by default: expressions see the arguments as the call left them, so
     * values assigned during the call, such as a generated id, are recorded.
     *
     * @return {@code true} to take the value before the call
     */
    boolean beforeCall() default false;
}
