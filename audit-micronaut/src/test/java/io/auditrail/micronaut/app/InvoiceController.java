package io.auditrail.micronaut.app;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.math.BigDecimal;

/** HTTP front of the test application; open to anonymous and authenticated callers alike. */
@Controller("/invoices")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_PLAIN)
public class InvoiceController {

    private final InvoiceService invoices;

    public InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Post("/{id}")
    public String create(String id, @QueryValue String number, @QueryValue BigDecimal amount) {
        return invoices.create(id, new CreateInvoice(number, amount, "hunter2")).id();
    }

    @Delete("/{id}")
    public String delete(String id) {
        invoices.delete(id);
        return "deleted";
    }

    @Post("/{id}/pay")
    public String pay(String id, @QueryValue String organization, @QueryValue BigDecimal amount) {
        return invoices.pay(id, organization, amount).toPlainString();
    }

    @Post("/{id}/send")
    public String send(String id) {
        invoices.send(id);
        return "sent";
    }

    @Error(exception = IllegalStateException.class)
    public HttpResponse<String> failed(IllegalStateException e) {
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body(e.getMessage());
    }
}
