package io.auditrail.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the annotated argument as a metadata entry.
 *
 * <pre>{@code
 * @Audited(action = "member.role.changed", resourceId = "#memberId")
 * public void changeRole(String memberId, @AuditMetadataParam("new_role") Role role) { ... }
 * }</pre>
 *
 * <p>Secret-looking keys are masked like any other metadata key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditMetadataParam {

    /**
     * Metadata key; when empty, the parameter name (needs {@code -parameters}).
     *
     * @return the key
     */
    String value() default "";
}
