/** Client IP, user agent and request id from the current Micronaut HTTP request. */
package io.auditrail.micronaut.http;
