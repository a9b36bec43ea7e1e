package io.auditrail.spring.diagnostics;

import io.auditrail.jdbc.schema.SchemaValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A table Auditrail writes to is missing or lacks a column. */
class SchemaValidationFailureAnalyzer extends AbstractFailureAnalyzer<SchemaValidationException> {

    static final String ACTION = "Run the DDL named above on the application's database (a migration tool such as"
            + " Flyway or Liquibase is the usual place), or let Auditrail run it at start-up with the setting named"
            + " above. To start without this check, set " + SchemaValidationException.OPT_OUT + ".";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaValidationException cause) {
        return new FailureAnalysis("Auditrail's tables are not as it needs them:" + System.lineSeparator()
                + System.lineSeparator() + cause.problems(), ACTION, cause);
    }
}
