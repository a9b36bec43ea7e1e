package io.auditrail.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Auditrail throws on purpose, so one {@code catch} or one error
 * handler covers them all. Unchecked, like the exceptions it replaces as their parent: a failed
 * audit is a programming or operations error, not something each caller must declare.
 *
 * <p>Subtypes say what failed: an event that breaks the schema, a malformed query, a sink or
 * store that cannot be reached, an {@code @Audited} annotation that cannot work, a database the
 * JDBC store does not support or whose tables are missing.
 */
public abstract class AuditrailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and, where there is one, what to do about it
     */
    protected AuditrailException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and, where there is one, what to do about it
     * @param cause the underlying failure, or {@code null}
     */
    protected AuditrailException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
