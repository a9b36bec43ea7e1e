/**
 * Log streams in a Spring application: the deliverers started and stopped with the context, and
 * their Micrometer meters. Public only so that the auto-configurations can reach them.
 */
package io.auditrail.spring.internal.streams;
