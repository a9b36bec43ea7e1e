/**
 * {@code @Audited} for Micronaut: the beans of the audit pipeline, configured under
 * {@code auditrail.*} exactly like the Spring Boot starter.
 */
package io.auditrail.micronaut;
