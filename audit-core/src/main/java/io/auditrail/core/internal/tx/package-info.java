/**
 * Transaction rules the Spring Boot starter and the Micronaut module both apply, written once:
 * what an event becomes when the caller's transaction ends, the exception that ended it, and
 * failing a transaction whose outbox append failed. Shared with the framework modules of this
 * build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.tx;

import org.jspecify.annotations.NullMarked;
