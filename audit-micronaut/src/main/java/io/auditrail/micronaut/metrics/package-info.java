/** Micrometer meters with core's names, and {@code auditrail.health.*} for the health indicator. */
package io.auditrail.micronaut.metrics;
