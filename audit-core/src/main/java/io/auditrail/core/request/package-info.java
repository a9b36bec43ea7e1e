/**
 * The request context of an audited call (client IP, user agent, request id) read from an
 * incoming HTTP request the same way in every framework module.
 */
@NullMarked
package io.auditrail.core.request;

import org.jspecify.annotations.NullMarked;
