package io.auditrail.sample.invoice;

/**
 * An invoice of one organisation.
 *
 * @param id invoice id
 * @param organizationId its organisation
 * @param number human-readable number, such as {@code ACME-0001}
 * @param customer who is billed
 * @param amountCents amount in the organisation's currency, in cents
 * @param status {@code draft} or {@code sent}
 */
public record Invoice(String id, String organizationId, String number, String customer, long amountCents,
        String status) {

    /** Status of an invoice not yet sent. */
    public static final String DRAFT = "draft";
    /** Status of an invoice sent to its customer. */
    public static final String SENT = "sent";
}
