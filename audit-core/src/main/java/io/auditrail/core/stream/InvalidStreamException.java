package io.auditrail.core.stream;

/** A stream request holds a bad value; the message names the field and why (an HTTP 400). */
public class InvalidStreamException extends StreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the field at fault and why
     */
    public InvalidStreamException(String message) {
        super(message);
    }
}
