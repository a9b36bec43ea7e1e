/**
 * Organisations, plans and API keys, in the server's own tables.
 */
package io.auditrail.server.tenant;
