package io.auditrail.jdbc.schema;

/**
 * A table Auditrail writes to is missing or lacks a column. The message names each table, what
 * is missing and the shipped DDL to run; raised at start-up by {@link SchemaValidator}.
 */
public class SchemaValidationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message every problem found, one per line, and how to skip the check
     */
    public SchemaValidationException(String message) {
        super(message);
    }
}
