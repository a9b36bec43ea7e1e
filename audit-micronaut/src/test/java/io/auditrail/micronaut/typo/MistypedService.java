package io.auditrail.micronaut.typo;

import io.auditrail.annotations.Audited;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A bean whose expression names a parameter that does not exist; only in the "typo" environment. */
@Singleton
@Requires(env = "typo")
public class MistypedService {

    @Audited(action = "invoice.voided", resourceId = "#invoiceIdd")
    public void voidInvoice(String invoiceId) {
        // never called: start-up fails first
    }
}
