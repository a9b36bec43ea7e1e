/** Event formats (Auditrail JSON, OCSF) and the request shapes of each destination kind. Not API. */
@NullMarked
package io.auditrail.core.internal.stream.format;

import org.jspecify.annotations.NullMarked;
