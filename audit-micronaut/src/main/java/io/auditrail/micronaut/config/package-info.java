/** Binding of {@code auditrail.*} onto core's shared settings model. */
package io.auditrail.micronaut.config;
