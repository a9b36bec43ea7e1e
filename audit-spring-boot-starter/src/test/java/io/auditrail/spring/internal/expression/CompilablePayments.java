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
     * A payment that counts how often it is looked at through {@link #looked()}.
     */
    public static final class CountedPayment {

        private final Payer payer;
        private int looks;

        /**
         * @param payer who pays, possibly {@code null}
         */
        public CountedPayment(Payer payer) {
            this.payer = payer;
        }

        /** @return this payment, counting the call */
        public CountedPayment looked() {
            looks++;
            return this;
        }

        /** @return who pays */
        public Payer getPayer() {
            return payer;
        }

        /** @return how often {@link #looked()} ran */
        public int looks() {
            return looks;
        }
    }

    /**
     * The audited method.
     *
     * @param payment the payment
     */
    public void pay(Payment payment) {
    }

    /**
     * An audited method whose argument counts the method calls on it.
     *
     * @param payment the payment
     */
    public void payCounted(CountedPayment payment) {
    }
}
