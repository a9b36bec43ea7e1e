/**
 * The read side of an audit trail: querying, exporting, usage and retention, independent
 * of where the events are stored. Implemented by the JDBC store; used by the framework
 * adapters' read endpoints.
 */
@NullMarked
package io.auditrail.core.store;

import org.jspecify.annotations.NullMarked;
