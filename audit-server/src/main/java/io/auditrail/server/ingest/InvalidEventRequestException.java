package io.auditrail.server.ingest;

/** A request body the API refuses with 400; the message names the field and is safe to show the client. */
public class InvalidEventRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, for the client
     */
    public InvalidEventRequestException(String message) {
        super(message);
    }
}
