package io.auditrail.spring.internal.expression;

/**
 * An audited service whose argument types are public, so that SpEL's compiler can turn a
 * path over them into bytecode; the types nested in the tests are not, and stay interpreted.
 */
public class CompilablePayments {

    /**
     * A payer.
     *
     * @param name the payer's name
     */
    public record Payer(String name) {
    }

    /**
     * A payment.
     *
     * @param id the payment's id
     * @param payer who pays, possibly {@code null}
     */
    public record Payment(String id, Payer payer) {
    }

    /**
     * The audited method.
     *
     * @param payment the payment
     */
    public void pay(Payment payment) {
    }
}
