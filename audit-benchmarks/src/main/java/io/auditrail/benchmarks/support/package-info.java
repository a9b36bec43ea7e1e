/** What every benchmark shares: the database, generated events, statistics and the results table. */
package io.auditrail.benchmarks.support;
