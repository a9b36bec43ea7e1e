/**
 * A Java client for the hosted audit-log API and the self-hosted {@code audit-server}: log,
 * query, get, export and usage, on the JDK {@code HttpClient} and Jackson, with typed errors.
 */
@NullMarked
package io.auditrail.client;

import org.jspecify.annotations.NullMarked;
