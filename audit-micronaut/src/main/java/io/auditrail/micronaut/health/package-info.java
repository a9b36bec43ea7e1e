/**
 * The {@code auditrail} component of micronaut-management's health endpoint, with core's health
 * rules. Apart from the meters because the Micronaut 5 build leaves it out: micronaut-management
 * 5.0.2 is not on Maven Central.
 */
package io.auditrail.micronaut.health;
