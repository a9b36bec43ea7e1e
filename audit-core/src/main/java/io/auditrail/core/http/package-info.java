/**
 * The sink for the hosted audit-log API, on the JDK {@code HttpClient}.
 */
package io.auditrail.core.http;
