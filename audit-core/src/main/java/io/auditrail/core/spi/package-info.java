/**
 * What framework adapters and users plug in: sinks, resolvers for actor, organisation and
 * request context, and the expression language.
 */
@NullMarked
package io.auditrail.core.spi;

import org.jspecify.annotations.NullMarked;
