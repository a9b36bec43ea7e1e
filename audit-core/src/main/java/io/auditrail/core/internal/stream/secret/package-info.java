/** Encryption of destination secrets at rest and the checks of their shape. Not API. */
@NullMarked
package io.auditrail.core.internal.stream.secret;

import org.jspecify.annotations.NullMarked;
