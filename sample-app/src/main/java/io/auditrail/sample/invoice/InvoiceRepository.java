package io.auditrail.sample.invoice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices, always within one organisation. */
@Repository
public class InvoiceRepository {

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The invoices of an organisation.
     *
     * @param organizationId the organisation
     * @return its invoices, by number
     */
    public List<Invoice> findAll(String organizationId) {
        return jdbc.sql("SELECT * FROM invoices WHERE organization_id = ? ORDER BY number").param(organizationId)
                .query(Invoice.class).list();
    }

    /**
     * One invoice.
     *
     * @param organizationId the caller's organisation
     * @param id invoice id
     * @return the invoice, or empty when it does not exist in that organisation
     */
    public Optional<Invoice> find(String organizationId, String id) {
        return jdbc.sql("SELECT * FROM invoices WHERE organization_id = ? AND id = ?").params(organizationId, id)
                .query(Invoice.class).optional();
    }

    /**
     * Takes the organisation's next invoice number; numbers are never reused, even after a delete.
     *
     * @param organizationId the organisation
     * @return for example {@code ACME-0007}, with the organisation's configured prefix
     */
    public String nextNumber(String organizationId) {
        jdbc.sql("UPDATE organizations SET invoice_counter = invoice_counter + 1 WHERE id = ?").param(organizationId)
                .update();
        return jdbc.sql("SELECT invoice_prefix, invoice_counter FROM organizations WHERE id = ?").param(organizationId)
                .query((rs, row) -> rs.getString(1) + "-" + String.format(Locale.ROOT, "%04d", rs.getLong(2)))
                .single();
    }

    /**
     * Stores a new invoice.
     *
     * @param invoice the invoice
     */
    public void insert(Invoice invoice) {
        jdbc.sql("INSERT INTO invoices (id, organization_id, number, customer, amount_cents, status)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(invoice.id(), invoice.organizationId(), invoice.number(), invoice.customer(),
                        invoice.amountCents(), invoice.status())
                .update();
    }

    /**
     * Replaces an invoice's customer, amount and status.
     *
     * @param invoice the new state
     */
    public void update(Invoice invoice) {
        jdbc.sql("UPDATE invoices SET customer = ?, amount_cents = ?, status = ? WHERE organization_id = ? AND id = ?")
                .params(invoice.customer(), invoice.amountCents(), invoice.status(), invoice.organizationId(),
                        invoice.id())
                .update();
    }

    /**
     * Deletes an invoice.
     *
     * @param organizationId the caller's organisation
     * @param id invoice id
     * @return whether a row was deleted
     */
    public boolean delete(String organizationId, String id) {
        return jdbc.sql("DELETE FROM invoices WHERE organization_id = ? AND id = ?").params(organizationId, id)
                .update() == 1;
    }
}
