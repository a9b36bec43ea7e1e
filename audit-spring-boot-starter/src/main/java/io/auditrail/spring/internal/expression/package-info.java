/**
 * SpEL for {@code @Audited} attributes.
 */
package io.auditrail.spring.internal.expression;
