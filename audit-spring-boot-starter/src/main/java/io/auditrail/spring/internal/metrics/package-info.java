/**
 * Actuator health for the audit pipeline; the meters and the health rules are core's
 * ({@code io.auditrail.core.internal.metrics}).
 */
package io.auditrail.spring.internal.metrics;
