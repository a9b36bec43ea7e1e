/**
 * The request context of an audited call (client IP, user agent, request id) read from an
 * incoming HTTP request the same way in every framework module.
 */
package io.auditrail.core.request;
