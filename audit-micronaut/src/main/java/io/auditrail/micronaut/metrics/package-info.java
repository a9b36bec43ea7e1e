/** Micrometer meters and the {@code auditrail} health indicator, with core's meter names and health rules. */
package io.auditrail.micronaut.metrics;
