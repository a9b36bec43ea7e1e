package io.auditrail.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the argument that is the audited resource's id, a shorter form of
 * {@code @Audited(resourceId = "#invoiceId")}.
 *
 * <pre>{@code
 * @Audited(action = "invoice.deleted")
 * public void deleteInvoice(@AuditResourceId String invoiceId) { ... }
 * }</pre>
 *
 * <p>The argument's {@code toString()} is recorded. An explicit
 * {@link Audited#resourceId()} takes precedence.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditResourceId {
}
