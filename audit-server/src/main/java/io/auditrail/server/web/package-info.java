/**
 * The HTTP API under /v1, key administration under /admin, and JSON errors.
 */
package io.auditrail.server.web;
