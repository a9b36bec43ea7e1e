/**
 * Dispatch of captured events to sinks: synchronous, or asynchronous through a bounded
 * queue with batching, an explicit overflow policy, retries and a deadline-bound drain.
 */
@NullMarked
package io.auditrail.core.dispatch;

import org.jspecify.annotations.NullMarked;
