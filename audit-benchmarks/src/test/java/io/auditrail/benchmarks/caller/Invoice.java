package io.auditrail.benchmarks.caller;

import org.javers.core.metamodel.annotation.Id;
import org.javers.core.metamodel.annotation.TypeName;

/**
 * The invoice a payment changes; an entity for JaVers, which snapshots the argument of a
 * {@code @JaversAuditable} method.
 *
 * @param id the invoice's key
 * @param status the new status
 * @param paidCents the amount paid
 * @param revision increases with every change, so each call is a real change to JaVers too
 */
@TypeName("Invoice")
public record Invoice(@Id long id, String status, long paidCents, long revision) {
}
