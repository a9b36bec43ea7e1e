package io.auditrail.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the argument that is the organisation (tenant) id the event belongs to.
 *
 * <pre>{@code
 * @Audited(action = "member.invited", resourceId = "#email")
 * public void invite(@AuditOrganizationId String orgId, String email) { ... }
 * }</pre>
 *
 * <p>An explicit {@link Audited#organizationId()} takes precedence.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditOrganizationId {
}
