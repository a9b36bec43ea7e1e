/**
 * Sinks that need nothing beyond core: the structured log sink.
 */
@NullMarked
package io.auditrail.core.sink;

import org.jspecify.annotations.NullMarked;
