/**
 * The request context of an audited call (client IP, user agent, request id) read from an
 * incoming HTTP request the same way in every framework module.
 * Shared with the framework modules of this build; not an API for applications.
 */
@NullMarked
package io.auditrail.core.internal.request;

import org.jspecify.annotations.NullMarked;
