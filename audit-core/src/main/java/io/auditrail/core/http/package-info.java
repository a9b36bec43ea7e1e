/**
 * The sink for the hosted audit-log API, on the JDK {@code HttpClient}.
 */
@NullMarked
package io.auditrail.core.http;

import org.jspecify.annotations.NullMarked;
