package io.auditrail.core.capture;

import java.util.List;

/**
 * Everything needed to capture one audited method's events, worked out once when the
 * bean is created. Slot {@code i} of {@link #sources()} is filled per call; the
 * {@code *Slot} fields say which slot holds which event field ({@code -1}: not set).
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
        boolean recordFailures) {

    AuditedMethodPlan {
        sources = List.copyOf(sources);
        metadataKeys = List.copyOf(metadataKeys);
    }
}
