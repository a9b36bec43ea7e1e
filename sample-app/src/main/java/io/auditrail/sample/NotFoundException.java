package io.auditrail.sample;

/** The thing asked for does not exist in the caller's organisation; answered with 404. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what the kind of thing, such as {@code invoice}
     * @param id the id asked for
     */
    public NotFoundException(String what, String id) {
        super("no " + what + " " + id);
    }
}
