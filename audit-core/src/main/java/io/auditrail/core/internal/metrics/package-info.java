/**
 * The audit pipeline's Micrometer meters and sink health, framework-free: the Spring Boot
 * starter and the Micronaut module register the same meters under the same names and compute
 * health the same way, each exposing it through its framework's health contract. Micrometer is an
 * optional dependency of core; only these classes need it.
 * Shared with the framework modules of this build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.metrics;

import org.jspecify.annotations.NullMarked;
