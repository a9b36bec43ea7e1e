package io.auditrail.micronaut.app;

import java.math.BigDecimal;

/** What a client sends to create an invoice; a bean with getters, as many request types are. */
public class CreateInvoice {

    private final String number;
    private final BigDecimal amount;
    private final String password;

    public CreateInvoice(String number, BigDecimal amount, String password) {
        this.number = number;
        this.amount = amount;
        this.password = password;
    }

    public String getNumber() {
        return number;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    /** Fails, as a getter of a half-built object may, for the test of values that cannot be resolved. */
    public BigDecimal getTotal() {
        throw new ArithmeticException("no total without lines");
    }

    public String getPassword() {
        return password;
    }
}
