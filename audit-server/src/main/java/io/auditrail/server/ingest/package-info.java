/**
 * Turning a posted event into a stored one: parsing, identity, quota, deduplication.
 */
package io.auditrail.server.ingest;
