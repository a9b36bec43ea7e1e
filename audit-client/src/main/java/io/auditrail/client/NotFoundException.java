package io.auditrail.client;

/** 404: The event or path does not exist, or belongs to another organisation. */
public final class NotFoundException extends AuditrailApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API's reason
     */
    public NotFoundException(String error) {
        super(404, error, null);
    }
}
