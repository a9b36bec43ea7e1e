package io.auditrail.client;

/** 400: The request was refused as invalid (a bad filter, date or event); sending it again will not help. */
public final class BadRequestException extends AuditrailApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API's reason
     */
    public BadRequestException(String error) {
        super(400, error, null);
    }
}
