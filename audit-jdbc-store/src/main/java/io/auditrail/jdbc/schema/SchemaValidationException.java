package io.auditrail.jdbc.schema;

import io.auditrail.core.AuditrailException;

/**
 * A table Auditrail writes to is missing or lacks a column. The message names each table, what
 * is missing and the shipped DDL to run; raised at start-up when the store, the
 * outbox or the hash chain is built.
 */
public class SchemaValidationException extends AuditrailException {

    /** The setting that skips the check, in the name both framework adapters bind. */
    public static final String OPT_OUT = "auditrail.jdbc.validate-schema=false";

    private static final long serialVersionUID = 1L;

    private final String problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, one per line, each naming the table and the DDL to run
     */
    public SchemaValidationException(String problems) {
        super(problems + "\n" + OPT_OUT + " skips this check.");
        this.problems = problems;
    }

    /**
     * Every problem found, without the way to skip the check.
     *
     * @return one problem per line
     */
    public String problems() {
        return problems;
    }
}
