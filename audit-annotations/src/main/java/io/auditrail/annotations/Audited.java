package io.auditrail.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records an audit event each time the annotated method is called.
 *
 * <pre>{@code
 * @Audited(action = "invoice.deleted", resourceType = "invoice", resourceId = "#invoiceId")
 * public void deleteInvoice(String invoiceId) { ... }
 *
 * @Audited(action = "invoice.created", resourceId = "#result.id", resourceName = "#result.number",
 *          metadata = @AuditMetadata(key = "amount", expression = "#request.amount"))
 * public Invoice createInvoice(CreateInvoiceRequest request) { ... }
 * }</pre>
 *
 * <p>On a type, every public method of the type is audited with the type-level values;
 * an annotation on a method replaces the type-level one for that method.
 *
 * <p>Expression attributes are evaluated by the framework adapter (SpEL in Spring). They
 * see the method's arguments by name ({@code #invoiceId}, which needs the {@code -parameters}
 * compiler flag) and by position ({@code #p0}, {@code #a0}), and, when the call returned, its
 * return value as {@code #result}. Expressions are parsed and checked when the audited bean is
 * created, so a typo fails application start-up rather than the first call. An empty string
 * means "not set".
 *
 * <p>Expressions are evaluated <em>after</em> the call returns or throws, so an id assigned
 * during the call ({@code resourceId = "#pet.id"} on {@code void save(Pet pet)} with a
 * generated id) is recorded. A metadata entry can ask for the value before the call instead,
 * with {@link AuditMetadata#beforeCall()}. A value that cannot be resolved at run time (the
 * expression throws, or a resource id or organisation is {@code null}) never stops the event
 * from being recorded: the resource id becomes {@code "unknown"} and the metadata entry
 * {@code _auditrail.capture_problems} names each unresolved attribute and why.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /**
     * Action in dot notation, lower case, naming the resource then the verb in the past
     * tense, for example {@code "invoice.deleted"} or {@code "member.role.changed"}.
     * Required; validated when the audited bean is created.
     *
     * @return the action recorded for every call
     */
    String action();

    /**
     * Resource type, for example {@code "invoice"}. A literal, not an expression.
     * When empty, the part of {@link #action()} before its first dot is used, so
     * {@code action = "invoice.deleted"} records resource type {@code "invoice"}.
     *
     * @return the resource type, or empty to derive it from the action
     */
    String resourceType() default "";

    /**
     * Expression for the resource id, for example {@code "#invoiceId"} or
     * {@code "#result.id"}. When empty, the argument annotated with
     * {@link AuditResourceId} is used; with neither, the event is rejected at start-up.
     *
     * @return the resource id expression, or empty
     */
    String resourceId() default "";

    /**
     * Expression for a human-readable resource name, for example
     * {@code "#invoice.number"}. Optional.
     *
     * @return the resource name expression, or empty
     */
    String resourceName() default "";

    /**
     * Expression for the organisation (tenant) the event belongs to, for example
     * {@code "#invoice.organizationId"}. When empty, the organisation comes from the
     * argument annotated with {@link AuditOrganizationId}, then from the configured
     * organisation resolver, then from the configured default.
     *
     * @return the organisation id expression, or empty
     */
    String organizationId() default "";

    /**
     * Extra metadata entries, static or computed from arguments and {@code #result}.
     * Keys that look like secrets ({@code password}, {@code token}, ...) are masked.
     *
     * @return the metadata entries
     */
    AuditMetadata[] metadata() default {};

    /**
     * Whether a call that throws is recorded with a failure outcome (the exception
     * class, never its stack trace). The exception is rethrown unchanged either way.
     *
     * @return {@code true} to record failures, the default
     */
    boolean recordFailures() default true;
}
