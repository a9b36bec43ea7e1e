package io.auditrail.core.capture;

/**
 * What happens to a business call whose audit event cannot be captured or handed over.
 * An exception thrown by the audited method itself always propagates unchanged.
 */
public enum AuditFailurePolicy {
    /** Log and count the audit failure; the business call completes normally. */
    FAIL_OPEN,
    /** Fail the business call with an {@link AuditException}; inside a transaction it rolls back. */
    FAIL_CLOSED
}
