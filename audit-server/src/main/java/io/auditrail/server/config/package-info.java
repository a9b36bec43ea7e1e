/**
 * Server configuration (auditrail.server.*) and its beans.
 */
package io.auditrail.server.config;
