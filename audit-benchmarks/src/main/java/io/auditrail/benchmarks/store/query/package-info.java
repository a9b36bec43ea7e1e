/**
 * Query latency of the store on a generated table of a million rows, measured with JMH
 * beside hand-written JDBC running the same SQL.
 */
package io.auditrail.benchmarks.store.query;
