package io.auditrail.benchmarks.caller;

import io.auditrail.annotations.Audited;
import org.javers.spring.annotation.JaversAuditable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transactional business method that updates one row. It carries both auditing
 * annotations; each benchmark application switches on at most one of the two frameworks, so
 * every variant calls exactly the same method. The limit variant inserts the audit row by hand
 * through its {@link PaymentAudit}, in the same method and transaction.
 */
public class InvoiceService {

    private final JdbcClient jdbc;
    private final PaymentAudit audit;

    /**
     * Creates the service.
     *
     * @param jdbc the application's JDBC client
     * @param audit what the method itself does for auditing
     */
    InvoiceService(JdbcClient jdbc, PaymentAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Records a payment.
     *
     * @param invoice the invoice in its new state
     * @throws IllegalStateException when the invoice does not exist
     */
    @Transactional
    @Audited(action = "invoice.paid", resourceId = "#invoice.id")
    @JaversAuditable
    public void markPaid(Invoice invoice) {
        int updated = jdbc.sql("UPDATE bench_invoice SET status = ?, paid_cents = ?, revision = ? WHERE id = ?")
                .params(invoice.status(), invoice.paidCents(), invoice.revision(), invoice.id())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no invoice " + invoice.id());
        }
        audit.paid(invoice);
    }
}
