package io.auditrail.micronaut.app;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.AuditMetadataParam;
import io.auditrail.annotations.AuditResourceId;
import io.auditrail.annotations.Audited;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/** A service whose methods carry the same {@code @Audited} a Spring application uses. */
@Singleton
public class InvoiceService {

    @Audited(action = "invoice.created", resourceId = "#result.id", resourceName = "#result.number",
            metadata = {@AuditMetadata(key = "amount", expression = "#request.amount"),
                    @AuditMetadata(key = "password", expression = "#request.password"),
                    @AuditMetadata(key = "channel", value = "http")})
    public Invoice create(String id, CreateInvoice request) {
        return new Invoice(id, request.getNumber(), request.getAmount());
    }

    @Audited(action = "invoice.deleted", resourceId = "#invoiceId")
    public void delete(String invoiceId) {
        // nothing to delete in the test application; the event is what is checked
    }

    @Audited(action = "invoice.paid", organizationId = "#organization")
    public BigDecimal pay(@AuditResourceId String invoiceId, String organization,
            @AuditMetadataParam("amount") BigDecimal amount) {
        return amount;
    }

    @Audited(action = "invoice.checked", resourceId = "#invoiceId",
            metadata = @AuditMetadata(key = "total", expression = "#request.total"))
    public void check(String invoiceId, CreateInvoice request) {
        // the values that cannot be resolved are what is checked
    }

    @Audited(action = "invoice.sent", resourceId = "#invoiceId")
    public void send(String invoiceId) {
        throw new IllegalStateException("mail server down for " + invoiceId);
    }

    @Audited(action = "invoice.exported", resourceId = "#invoiceId")
    public void export(String invoiceId) throws IOException {
        throw new IOException("disk full");
    }
}
