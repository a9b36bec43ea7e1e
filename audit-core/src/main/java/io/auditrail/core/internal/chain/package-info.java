/**
 * The transparency log's wiring, framework-free: its keys and checkpoint sinks read from
 * {@link io.auditrail.core.config.ChainSettings} with every bad key named, and the sealing and
 * checkpoint jobs. The Spring Boot starter and the Micronaut module both use them.
 * Shared with the framework modules of this build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.chain;

import org.jspecify.annotations.NullMarked;
