/**
 * What framework adapters and users plug in: sinks, resolvers for actor, organisation and
 * request context, and the expression language.
 */
package io.auditrail.core.spi;
