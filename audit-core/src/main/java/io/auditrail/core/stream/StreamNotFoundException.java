package io.auditrail.core.stream;

/** The organisation has no stream with this id (also when another organisation has); an HTTP 404. */
public class StreamNotFoundException extends StreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param streamId the id asked for
     */
    public StreamNotFoundException(String streamId) {
        super("no stream " + streamId);
    }
}
