/**
 * Micrometer metrics and Actuator health for the audit pipeline.
 */
package io.auditrail.spring.internal.metrics;
