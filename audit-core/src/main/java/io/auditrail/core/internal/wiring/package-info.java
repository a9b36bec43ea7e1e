/**
 * Wiring rules the Spring Boot starter and the Micronaut module both apply, written once: which
 * sinks run and how each one is dispatched. The framework modules add only what their framework
 * needs, such as tying a dispatcher to the caller's transaction.
 * Shared with the framework modules of this build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.wiring;

import org.jspecify.annotations.NullMarked;
