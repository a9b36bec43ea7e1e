/**
 * Read endpoints over an {@link io.auditrail.core.store.AuditStore}, scoped on the server to
 * the caller's organisation and role, and the embeddable viewer page that uses them.
 */
package io.auditrail.spring.web.read;
