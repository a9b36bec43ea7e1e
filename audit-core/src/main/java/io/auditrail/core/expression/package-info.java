/**
 * A small, framework-free expression language for {@code @Audited} attributes, for adapters
 * whose framework has none that fits (Micronaut): {@code #param}, {@code #p0}/{@code #a0},
 * {@code #result} and property paths on them.
 */
@NullMarked
package io.auditrail.core.expression;

import org.jspecify.annotations.NullMarked;
