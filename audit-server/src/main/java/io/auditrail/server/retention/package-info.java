/**
 * Deleting each organisation's events after its plan's retention.
 */
package io.auditrail.server.retention;
