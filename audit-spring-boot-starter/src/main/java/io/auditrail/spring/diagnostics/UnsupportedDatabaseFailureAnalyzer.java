package io.auditrail.spring.diagnostics;

import io.auditrail.jdbc.dialect.UnsupportedDatabaseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.StringUtils;

/** The application's database is not one the JDBC store supports. */
class UnsupportedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedDatabaseException cause) {
        return new FailureAnalysis(StringUtils.capitalize(UnsupportedDatabaseException.problem(cause.productName())) + ".",
                UnsupportedDatabaseException.ACTION, cause);
    }
}
