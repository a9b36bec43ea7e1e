/**
 * The self-hosted audit-log server, wire-compatible with the hosted audit-log API.
 */
package io.auditrail.server;
