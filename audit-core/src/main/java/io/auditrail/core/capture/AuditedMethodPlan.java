package io.auditrail.core.capture;

import java.util.List;

/**
 * Everything needed to capture one audited method's events, worked out once when the
 * bean is created. Slot {@code i} of {@link #sources()} is filled per call; the
 * {@code *Slot} fields say which slot holds which event field ({@code -1}: not set).
 * {@code takesValuesBeforeCall} spares the per-call scan (and array) when no source asks
 * for a value before the call, which is the common case.
 */
record AuditedMethodPlan(
        String description,
        String action,
        String resourceType,
        List<ValueSource> sources,
        int resourceIdSlot,
        int resourceNameSlot,
        int organizationIdSlot,
        List<String> metadataKeys,
        int firstMetadataSlot,
        boolean recordFailures,
        boolean takesValuesBeforeCall) {

    AuditedMethodPlan {
        sources = List.copyOf(sources);
        metadataKeys = List.copyOf(metadataKeys);
    }

    /** The attribute a slot fills, for problem reports. */
    String attribute(int slot) {
        if (slot == resourceIdSlot) {
            return "resourceId";
        }
        if (slot == resourceNameSlot) {
            return "resourceName";
        }
        if (slot == organizationIdSlot) {
            return "organizationId";
        }
        return "metadata '" + metadataKeys.get(slot - firstMetadataSlot) + "'";
    }
}
