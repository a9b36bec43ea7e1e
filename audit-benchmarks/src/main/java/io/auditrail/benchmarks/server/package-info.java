/** {@code POST /v1/events} against a real audit-server with concurrent HTTP clients, beside the store's own writes. */
package io.auditrail.benchmarks.server;
