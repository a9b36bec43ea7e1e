package io.auditrail.micronaut.app;

import io.auditrail.annotations.Audited;
import jakarta.inject.Singleton;

/** Audited on the type: every public method records the same action. */
@Singleton
@Audited(action = "report.generated", resourceId = "#p0")
public class ReportService {

    public String generate(String reportId) {
        return "report " + reportId;
    }

    @Override
    public String toString() {
        return "ReportService";
    }
}
