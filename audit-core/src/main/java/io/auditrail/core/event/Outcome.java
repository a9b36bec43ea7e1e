package io.auditrail.core.event;

import org.jspecify.annotations.Nullable;

/**
 * Whether the action worked. A failure carries the exception's class name and, when
 * configured, its message; never its stack trace.
 *
 * @param status success or failure; required
 * @param errorType fully qualified exception class name, only for failures
 * @param errorMessage exception message, only for failures and only when configured
 */
public record Outcome(Status status, @Nullable String errorType, @Nullable String errorMessage) {

    private static final Outcome SUCCESS = new Outcome(Status.SUCCESS, null, null);

    /** Two possible results of an audited action. */
    public enum Status {
        /** The action completed normally. */
        SUCCESS,
        /** The action threw, or its transaction rolled back. */
        FAILURE;

        /**
         * Lower-case wire name.
         *
         * @return {@code "success"} or {@code "failure"}
         */
        public String wireName() {
            return this == SUCCESS ? "success" : "failure";
        }

        /**
         * Parses a wire name.
         *
         * @param wireName {@code "success"} or {@code "failure"}, case-insensitive
         * @return the status
         * @throws InvalidAuditEventException for any other value
         */
        public static Status fromWireName(String wireName) {
            for (Status status : values()) {
                if (status.name().equalsIgnoreCase(wireName)) {
                    return status;
                }
            }
            throw new InvalidAuditEventException("outcome must be success or failure but was '" + wireName + "'");
        }
    }

    /** Validates that a success carries no error and a failure names one. */
    public Outcome {
        Required.present(status, "outcome.status");
        errorType = Required.optionalText(errorType);
        errorMessage = Required.optionalText(errorMessage);
        if (status == Status.SUCCESS && (errorType != null || errorMessage != null)) {
            throw new InvalidAuditEventException("outcome success must not carry an error");
        }
        if (status == Status.FAILURE && errorType == null) {
            throw new InvalidAuditEventException("outcome failure requires an error type");
        }
    }

    /**
     * The success outcome.
     *
     * @return the shared success instance
     */
    public static Outcome success() {
        return SUCCESS;
    }

    /**
     * A failure described by an exception.
     *
     * @param error the exception thrown by the audited action
     * @param includeMessage whether to keep its message (messages may hold personal data)
     * @return the failure outcome
     */
    public static Outcome failure(Throwable error, boolean includeMessage) {
        return new Outcome(Status.FAILURE, error.getClass().getName(), includeMessage ? error.getMessage() : null);
    }

    /**
     * A failure described by name, for example after a transaction rolled back.
     *
     * @param errorType a class name or short reason code
     * @param errorMessage optional message
     * @return the failure outcome
     */
    public static Outcome failure(String errorType, @Nullable String errorMessage) {
        return new Outcome(Status.FAILURE, errorType, errorMessage);
    }

    /**
     * Whether the action worked.
     *
     * @return {@code true} for success
     */
    public boolean isSuccess() {
        return status == Status.SUCCESS;
    }
}
