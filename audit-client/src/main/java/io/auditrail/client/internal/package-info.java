/** The client's HTTP exchange, retries and wire mapping; not part of the API. */
@NullMarked
package io.auditrail.client.internal;

import org.jspecify.annotations.NullMarked;
