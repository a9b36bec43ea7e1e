package io.auditrail.core.internal.query;

import io.auditrail.core.AuditrailException;

/**
 * A read refused before or instead of asking the store, with the HTTP status and the message the
 * caller gets ({@code 401}, {@code 403}, {@code 404}). A bad parameter is an
 * {@link io.auditrail.core.store.InvalidAuditQueryException} ({@code 400}) instead.
 */
public final class ReadRefusedException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the refusal.
     *
     * @param status the HTTP status
     * @param message what the caller is told
     */
    public ReadRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The HTTP status.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }
}
