/**
 * The read endpoints' parameter contract, framework-free: the raw query string decoded
 * strictly, then read into typed values or an {@link io.auditrail.core.store.AuditQuery}, with
 * every refusal naming the parameter and the rule it breaks. The Spring Boot read endpoints and
 * the audit server both read their parameters through it.
 * Shared with the framework modules of this build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.query;

import org.jspecify.annotations.NullMarked;
