/**
 * Spring AOP integration: an advisor with an annotation-matching pointcut (no AspectJ
 * weaver needed) delegating to core's {@link io.auditrail.core.capture.InvocationAuditor}.
 */
package io.auditrail.spring.internal.aop;
