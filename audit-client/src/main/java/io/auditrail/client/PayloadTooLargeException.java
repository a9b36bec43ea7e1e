package io.auditrail.client;

/** 413: The request body is over the API's size limit. */
public final class PayloadTooLargeException extends AuditrailApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API's reason
     */
    public PayloadTooLargeException(String error) {
        super(413, error, null);
    }
}
