/**
 * The Micronaut side of {@code @Audited}: the around interceptor the compile-time mapper
 * binds the annotation to, and the start-up check of every audited bean.
 */
package io.auditrail.micronaut.aop;
