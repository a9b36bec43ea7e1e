/**
 * Capture-time rules: limits, identifier checks, metadata conversion and redaction.
 */
@NullMarked
package io.auditrail.core.validation;

import org.jspecify.annotations.NullMarked;
