/**
 * Log-stream benchmarks: delivery rate to a loopback webhook receiver against the store's read
 * rate of the same rows, and the delivery lag under a steady ingest.
 */
package io.auditrail.benchmarks.streams;
