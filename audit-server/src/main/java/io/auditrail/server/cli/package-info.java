/**
 * The keys command line.
 */
package io.auditrail.server.cli;
