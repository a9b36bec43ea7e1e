package io.auditrail.spring.diagnostics;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An {@code @Audited} annotation, or a setting it depends on, that cannot work. */
class InvalidAuditConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAuditConfigurationException> {

    static final String ACTION = "Correct each @Audited attribute or auditrail.* setting named above. An expression"
            + " names the method's parameters as #name, #p0 or #a0 and its return value as #result; every audited bean"
            + " is checked at start-up, so the application starts once none is left.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidAuditConfigurationException cause) {
        return new FailureAnalysis("Auditrail cannot audit as configured:" + System.lineSeparator()
                + System.lineSeparator() + cause.getMessage(), ACTION, cause);
    }
}
