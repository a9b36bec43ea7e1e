package io.auditrail.sample.invoice;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.Audited;
import io.auditrail.sample.Ids;
import io.auditrail.sample.NotFoundException;
import io.auditrail.sample.security.CurrentMember;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices of the current member's organisation. Each change is audited in the same
 * transaction as the change itself, so the trail never shows an invoice change that rolled back.
 */
@Service
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final CurrentMember currentMember;

    InvoiceService(InvoiceRepository invoices, CurrentMember currentMember) {
        this.invoices = invoices;
        this.currentMember = currentMember;
    }

    /**
     * The organisation's invoices.
     *
     * @return invoices by number
     */
    @Transactional(readOnly = true)
    public List<Invoice> list() {
        return invoices.findAll(currentMember.get().organizationId());
    }

    /**
     * Creates a draft invoice.
     *
     * @param customer who is billed
     * @param amountCents amount in cents
     * @return the new invoice
     */
    @Transactional
    @Audited(action = "invoice.created", resourceId = "#result.id", resourceName = "#result.number",
            metadata = {@AuditMetadata(key = "customer", expression = "#customer"),
                    @AuditMetadata(key = "amount_cents", expression = "#amountCents")})
    public Invoice create(String customer, long amountCents) {
        String organizationId = currentMember.get().organizationId();
        Invoice invoice = new Invoice(Ids.next("inv"), organizationId, invoices.nextNumber(organizationId),
                checkCustomer(customer),
                checkAmount(amountCents), Invoice.DRAFT);
        invoices.insert(invoice);
        return invoice;
    }

    /**
     * Changes an invoice's customer and amount.
     *
     * @param invoiceId the invoice
     * @param customer new customer
     * @param amountCents new amount in cents
     * @return the invoice before and after
     */
    @Transactional
    @Audited(action = "invoice.updated", resourceId = "#invoiceId", resourceName = "#result.after.number",
            metadata = {@AuditMetadata(key = "old", expression = "#result.before"),
                    @AuditMetadata(key = "new", expression = "#result.after")})
    public InvoiceChange update(String invoiceId, String customer, long amountCents) {
        Invoice before = find(invoiceId);
        Invoice after = new Invoice(before.id(), before.organizationId(), before.number(), checkCustomer(customer),
                checkAmount(amountCents), before.status());
        invoices.update(after);
        return new InvoiceChange(before, after);
    }

    /**
     * Marks an invoice as sent to its customer.
     *
     * @param invoiceId the invoice
     * @return the sent invoice
     */
    @Transactional
    @Audited(action = "invoice.sent", resourceId = "#invoiceId", resourceName = "#result.number",
            metadata = @AuditMetadata(key = "customer", expression = "#result.customer"))
    public Invoice send(String invoiceId) {
        Invoice invoice = find(invoiceId);
        if (Invoice.SENT.equals(invoice.status())) {
            throw new IllegalArgumentException("invoice " + invoice.number() + " was already sent");
        }
        Invoice sent = new Invoice(invoice.id(), invoice.organizationId(), invoice.number(), invoice.customer(),
                invoice.amountCents(), Invoice.SENT);
        invoices.update(sent);
        return sent;
    }

    /**
     * Deletes an invoice of the caller's organisation; another organisation's id is "not found".
     *
     * @param invoiceId the invoice
     */
    @Transactional
    @Audited(action = "invoice.deleted", resourceId = "#invoiceId")
    public void delete(String invoiceId) {
        if (!invoices.delete(currentMember.get().organizationId(), invoiceId)) {
            throw new NotFoundException("invoice", invoiceId);
        }
    }

    /**
     * Exports the organisation's invoices as CSV.
     *
     * @return the export
     */
    @Transactional(readOnly = true)
    @Audited(action = "invoice.exported", resourceType = "invoice_export", resourceId = "#result.fileName",
            metadata = @AuditMetadata(key = "count", expression = "#result.count"))
    public InvoiceExport exportCsv() {
        List<Invoice> all = list();
        StringBuilder csv = new StringBuilder("number,customer,amount_cents,status\r\n");
        for (Invoice invoice : all) {
            csv.append(cell(invoice.number())).append(',').append(cell(invoice.customer())).append(',')
                    .append(invoice.amountCents()).append(',').append(invoice.status()).append("\r\n");
        }
        return new InvoiceExport("invoices-" + currentMember.get().organizationId() + ".csv", csv.toString(),
                all.size());
    }

    private Invoice find(String invoiceId) {
        return invoices.find(currentMember.get().organizationId(), invoiceId)
                .orElseThrow(() -> new NotFoundException("invoice", invoiceId));
    }

    private static String checkCustomer(String customer) {
        if (customer == null || customer.isBlank() || customer.length() > 200) {
            throw new IllegalArgumentException("customer must be 1 to 200 characters");
        }
        return customer.strip();
    }

    private static long checkAmount(long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amount_cents must be positive");
        }
        return amountCents;
    }

    /** Quotes every cell, and defuses cells a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
