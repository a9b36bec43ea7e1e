package io.auditrail.spring.diagnostics;

import java.util.Arrays;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Auditrail's JSON (Jackson 3) found a jackson-annotations older than it needs. Jackson 3 keeps
 * using the 2.x annotations and needs 2.20 or newer; Spring Boot 3.5 manages 2.19, so a Boot 3
 * application that has not pinned the annotations fails here with a bare NoClassDefFoundError.
 */
class JacksonAnnotationsFailureAnalyzer extends AbstractFailureAnalyzer<NoClassDefFoundError> {

    private static final String ANNOTATIONS = "com/fasterxml/jackson/annotation/";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoClassDefFoundError cause) {
        String missing = cause.getMessage();
        if (missing == null || !missing.startsWith(ANNOTATIONS) || !thrownByJackson3(cause)) {
            return null;
        }
        return new FailureAnalysis("Auditrail writes events with Jackson 3, which needs jackson-annotations 2.20 or"
                + " newer, but the class path has " + annotationsVersion() + " (it lacks "
                + missing.replace('/', '.') + ").",
                "Manage com.fasterxml.jackson.core:jackson-annotations at 2.21 in your build's dependencyManagement."
                        + " Spring Boot 3.5 manages 2.19.x; Jackson 2 keeps working with the newer annotations."
                        + " See docs/spring-boot-3.md.", cause);
    }

    private static boolean thrownByJackson3(Throwable error) {
        return Arrays.stream(error.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith("tools.jackson."));
    }

    private static String annotationsVersion() {
        try {
            String version = Class.forName("com.fasterxml.jackson.annotation.JsonFormat").getPackage()
                    .getImplementationVersion();
            return version == null ? "an older version" : "version " + version;
        } catch (ClassNotFoundException | LinkageError absent) {
            return "no jackson-annotations at all";
        }
    }
}
