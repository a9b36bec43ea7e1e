/**
 * The framework-neutral path from an audited method call to an event. The Spring aspect
 * and the Micronaut interceptor both delegate to {@link io.auditrail.core.capture.InvocationAuditor}.
 */
@NullMarked
package io.auditrail.core.capture;

import org.jspecify.annotations.NullMarked;
