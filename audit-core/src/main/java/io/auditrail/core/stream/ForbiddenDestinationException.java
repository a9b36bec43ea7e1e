package io.auditrail.core.stream;

/**
 * A destination URL is or resolves to an address streams may not reach (loopback, private,
 * link-local, unique-local, CGNAT, cloud metadata) and is not allow-listed, or is plain HTTP
 * while only HTTPS is allowed.
 */
public class ForbiddenDestinationException extends InvalidStreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which host or address was refused and why
     */
    public ForbiddenDestinationException(String message) {
        super(message);
    }
}
