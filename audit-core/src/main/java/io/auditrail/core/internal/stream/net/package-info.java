/**
 * The SSRF guard and the HTTP/1.1 client that connects only to an address the guard checked.
 * Not API.
 */
@NullMarked
package io.auditrail.core.internal.stream.net;

import org.jspecify.annotations.NullMarked;
