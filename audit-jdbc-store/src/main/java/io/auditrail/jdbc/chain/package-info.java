/**
 * Tamper evidence for the JDBC store: the sealer that links committed rows into one hash
 * chain per organisation off the request path, signed checkpoints of each chain head, the
 * retention purge that keeps an anchor, the streaming verifier and its command line. The
 * public entry point is {@link io.auditrail.jdbc.chain.JdbcAuditChain}.
 */
@NullMarked
package io.auditrail.jdbc.chain;

import org.jspecify.annotations.NullMarked;
