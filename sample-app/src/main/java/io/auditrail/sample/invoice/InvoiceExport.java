package io.auditrail.sample.invoice;

/**
 * A CSV export of an organisation's invoices.
 *
 * @param fileName suggested file name
 * @param csv the file's content
 * @param count invoices in it
 */
public record InvoiceExport(String fileName, String csv, int count) {
}
