/**
 * End-to-end tests: an application on the starter, configured by properties only, sending through
 * the outbox to the real audit-server. A package of its own, outside {@code io.auditrail.server},
 * so the server's component scan never picks up the application and the application none of the server.
 */
package io.auditrail.e2e;
