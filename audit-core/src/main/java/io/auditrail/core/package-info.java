/**
 * What every part of Auditrail shares: {@link io.auditrail.core.AuditrailException}, the root
 * of the exceptions it throws.
 */
@NullMarked
package io.auditrail.core;

import org.jspecify.annotations.NullMarked;
