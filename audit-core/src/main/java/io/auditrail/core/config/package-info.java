/**
 * The {@code auditrail.*} configuration shared by every framework adapter: keys, defaults and
 * descriptions in plain JavaBeans that the Spring Boot and Micronaut configuration classes
 * extend, so the same YAML works in both. Each class turns its values into core's own
 * settings ({@code toAuditLimits()}, {@code toAsyncSettings()}, ...).
 */
@NullMarked
package io.auditrail.core.config;

import org.jspecify.annotations.NullMarked;
