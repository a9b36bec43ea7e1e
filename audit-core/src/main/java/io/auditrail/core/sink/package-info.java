/**
 * Sinks that need nothing beyond core: the structured log sink.
 */
package io.auditrail.core.sink;
