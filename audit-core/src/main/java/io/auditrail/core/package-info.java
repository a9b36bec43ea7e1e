/**
 * What every part of Auditrail shares: {@link io.auditrail.core.AuditrailException}, the root
 * of the exceptions it throws.
 */
package io.auditrail.core;
