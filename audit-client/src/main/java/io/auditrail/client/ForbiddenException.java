package io.auditrail.client;

/** 403: The API key may not do this, for example read another organisation's events. */
public final class ForbiddenException extends AuditrailApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API's reason
     */
    public ForbiddenException(String error) {
        super(403, error, null);
    }
}
