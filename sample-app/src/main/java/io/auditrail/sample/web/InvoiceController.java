package io.auditrail.sample.web;

import io.auditrail.sample.invoice.Invoice;
import io.auditrail.sample.invoice.InvoiceExport;
import io.auditrail.sample.invoice.InvoiceService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Invoices over JSON. */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /**
     * A new or changed invoice.
     *
     * @param customer who is billed
     * @param amountCents amount in cents
     */
    record InvoiceForm(String customer, long amountCents) {
    }

    @GetMapping
    List<Invoice> list() {
        return invoices.list();
    }

    @PostMapping
    Invoice create(@RequestBody InvoiceForm form) {
        return invoices.create(form.customer(), form.amountCents());
    }

    @PutMapping("/{id}")
    Invoice update(@PathVariable("id") String id, @RequestBody InvoiceForm form) {
        return invoices.update(id, form.customer(), form.amountCents()).after();
    }

    @PostMapping("/{id}/send")
    Invoice send(@PathVariable("id") String id) {
        return invoices.send(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") String id) {
        invoices.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/export")
    ResponseEntity<String> export() {
        InvoiceExport export = invoices.exportCsv();
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .body(export.csv());
    }
}
