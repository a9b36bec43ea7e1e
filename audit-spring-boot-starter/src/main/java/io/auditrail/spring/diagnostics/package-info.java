/**
 * Spring Boot failure analyzers for Auditrail's start-up errors, so they print as "APPLICATION
 * FAILED TO START" with a description and the action to take instead of a stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
package io.auditrail.spring.diagnostics;
