/**
 * The JDBC store's transparency log ({@code auditrail.chain.enabled: true}): the log with the
 * starter's keys and checks, its checkpoint sinks, and core's sealing and checkpoint jobs run
 * with the context.
 */
package io.auditrail.micronaut.chain;
