/**
 * Capture-time rules: limits, identifier checks, metadata conversion and redaction.
 */
package io.auditrail.core.validation;
