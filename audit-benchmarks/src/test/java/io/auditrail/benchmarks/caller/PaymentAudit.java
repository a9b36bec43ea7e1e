package io.auditrail.benchmarks.caller;

/**
 * What {@link InvoiceService#markPaid} does for auditing by hand, besides whatever an
 * auditing framework adds around it: nothing, except in the limit variant, where it inserts
 * the audit row itself ({@link HandWrittenAuditRow}).
 */
interface PaymentAudit {

    /** Does nothing: every variant but the limit. */
    PaymentAudit NONE = invoice -> {
    };

    /**
     * Records the payment, inside the caller's transaction.
     *
     * @param invoice the invoice in its new state
     */
    void paid(Invoice invoice);
}
