/**
 * The audit event: one immutable record per audited action, the same fields in Java,
 * JSON, SQL and on the wire.
 */
@NullMarked
package io.auditrail.core.event;

import org.jspecify.annotations.NullMarked;
