package io.auditrail.client;

/** 401: The API key is missing, unknown or revoked. */
public final class UnauthorizedException extends AuditrailApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API's reason
     */
    public UnauthorizedException(String error) {
        super(401, error, null);
    }
}
