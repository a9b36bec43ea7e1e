package io.auditrail.core.config;

/**
 * What a Micronaut application does at start-up when a bean has {@code @Audited} methods but no
 * Auditrail interceptor is bound to them, because {@code audit-micronaut-processor} was not on
 * the annotation-processor path when the bean was compiled: its calls would record nothing.
 */
public enum MissingProcessorAction {
    /** Log one WARN line naming every such method; start anyway. */
    WARN,
    /** Fail start-up naming every such method. */
    FAIL
}
