package io.auditrail.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The start-up failure a Boot 3.5 application sees when it has not pinned jackson-annotations
 * (sample-app-boot3 fails this way with 2.19.2: Jackson 3.1 looks up JsonSerializeAs).
 */
class JacksonAnnotationsFailureAnalyzerTests {

    private final JacksonAnnotationsFailureAnalyzer analyzer = new JacksonAnnotationsFailureAnalyzer();

    private static NoClassDefFoundError missing(String type, String thrownBy) {
        NoClassDefFoundError error = new NoClassDefFoundError(type);
        error.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(thrownBy, "findAnnotation", "Source.java", 1)});
        return error;
    }

    @Test
    void anAnnotationJackson3NeedsSaysWhichVersionToManage() {
        NoClassDefFoundError error = missing("com/fasterxml/jackson/annotation/JsonSerializeAs",
                "tools.jackson.databind.introspect.JacksonAnnotationIntrospector");

        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("auditEventCodec", "failed", error));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Auditrail writes events with Jackson 3, which needs"
                + " jackson-annotations 2.20 or newer, but the class path has version ")
                .endsWith("(it lacks com.fasterxml.jackson.annotation.JsonSerializeAs).");
        assertThat(analysis.getAction()).contains("com.fasterxml.jackson.core:jackson-annotations at 2.21")
                .contains("docs/spring-boot-3.md");
    }

    @Test
    void leavesOtherMissingClassesToSpringBoot() {
        assertThat(analyzer.analyze(missing("com/fasterxml/jackson/annotation/JsonSerializeAs",
                "com.fasterxml.jackson.databind.ObjectMapper"))).as("Jackson 2's own problem").isNull();
        assertThat(analyzer.analyze(missing("org/example/Gone",
                "tools.jackson.databind.ObjectMapper"))).as("not an annotation").isNull();
    }
}
