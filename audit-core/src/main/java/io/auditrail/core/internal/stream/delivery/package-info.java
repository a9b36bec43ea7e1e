/** What a receiver's answer means for a batch, and the wait before the next attempt. Not API. */
@NullMarked
package io.auditrail.core.internal.stream.delivery;

import org.jspecify.annotations.NullMarked;
