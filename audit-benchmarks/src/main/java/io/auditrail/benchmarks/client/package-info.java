/** Reads through the hosted-API client against a real audit-server, beside the store's own reads. */
package io.auditrail.benchmarks.client;
