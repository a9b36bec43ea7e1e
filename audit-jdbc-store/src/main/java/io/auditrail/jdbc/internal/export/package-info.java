/**
 * Streaming export as CSV, JSON array or JSON Lines in constant memory. Internal.
 */
package io.auditrail.jdbc.internal.export;
