/**
 * The contract every {@link io.auditrail.core.spi.AuditSink} is tested against, shipped in
 * audit-core's test-jar: extend {@link io.auditrail.core.sink.contract.AbstractAuditSinkContractTest},
 * or {@link io.auditrail.core.sink.contract.AbstractRemoteAuditSinkContractTest} for a destination
 * across a network.
 */
package io.auditrail.core.sink.contract;
