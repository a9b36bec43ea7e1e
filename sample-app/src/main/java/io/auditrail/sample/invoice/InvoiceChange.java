package io.auditrail.sample.invoice;

/**
 * An invoice before and after an update; recorded as the event's {@code old} and {@code new} metadata.
 *
 * @param before the invoice as it was
 * @param after the invoice as it is now
 */
public record InvoiceChange(Invoice before, Invoice after) {
}
