/**
 * Spring Boot auto-configuration for Auditrail, switched off with {@code auditrail.enabled=false}.
 */
package io.auditrail.spring.autoconfigure;
