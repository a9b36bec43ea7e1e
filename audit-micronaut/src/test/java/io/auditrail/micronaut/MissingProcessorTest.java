package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.auditrail.micronaut.aop.MissingProcessorCheck;
import io.micronaut.context.ApplicationContext;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A bean compiled the way a user who forgot {@code audit-micronaut-processor} compiles it:
 * the JDK's javac, in its own process, with Micronaut's own processor only, on a source written
 * to a temporary folder and loaded by its own class loader.
 */
class MissingProcessorTest {

    private static final String FORGOTTEN = """
            package forgotten;

            import io.auditrail.annotations.Audited;
            import io.micronaut.context.annotation.Requires;
            import jakarta.inject.Singleton;

            @Singleton
            @Requires(env = "forgotten")
            public class ForgottenService {
                @Audited(action = "invoice.voided", resourceType = "invoice", resourceId = "#id")
                public void voidInvoice(String id) {
                }

                public void notAudited() {
                }
            }
            """;

    @TempDir
    Path sources;

    @TempDir
    Path classes;

    @Test
    void beansCompiledWithTheProcessorHaveTheirInterceptorBound() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("auditrail.micronaut.on-missing-processor",
                "fail"))) {
            assertThat(context.containsBean(MissingProcessorCheck.class)).as("checked, and nothing unbound").isTrue();
        }
    }

    @Test
    void aBeanCompiledWithoutTheProcessorFailsStartUpWhenAskedTo() throws Exception {
        try (URLClassLoader loader = compileWithoutTheAuditProcessor()) {
            assertThatThrownBy(() -> ApplicationContext.builder().classLoader(loader).environments("forgotten")
                    .properties(Map.of("auditrail.micronaut.on-missing-processor", "fail")).start().close())
                    .hasStackTraceContaining("forgotten.ForgottenService.voidInvoice(String)")
                    .hasStackTraceContaining("audit-micronaut-processor");
        }
    }

    @Test
    void byDefaultItStartsAndWarnsOnceNamingTheMethod() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MissingProcessorCheck.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (URLClassLoader loader = compileWithoutTheAuditProcessor();
                ApplicationContext context = ApplicationContext.builder().classLoader(loader)
                        .environments("forgotten").start()) {
            assertThat(context.isRunning()).isTrue();
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel().toString()).isEqualTo("WARN");
                assertThat(event.getFormattedMessage()).contains("forgotten.ForgottenService.voidInvoice(String)")
                        .doesNotContain("notAudited");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    /** The test class path, with Surefire's manifest-only jar opened up into the entries it names. */
    private static List<String> classpath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Manifest manifest = null;
            if (entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    manifest = jar.getManifest();
                }
            }
            String named = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (named == null) {
                entries.add(entry);
                continue;
            }
            for (String reference : named.trim().split("\\s+")) {
                entries.add(Path.of(new URI(reference).isAbsolute() ? new URI(reference)
                        : Path.of(entry).getParent().toUri().resolve(reference)).toString());
            }
        }
        return entries;
    }

    private URLClassLoader compileWithoutTheAuditProcessor() throws Exception {
        Path source = sources.resolve("forgotten/ForgottenService.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, FORGOTTEN);
        List<String> entries = classpath();
        String classpath = String.join(File.pathSeparator, entries);
        String processorPath = entries.stream().filter(entry -> !entry.contains("audit-micronaut-processor"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(processorPath).as("the audit processor is left out").isNotEqualTo(classpath);
        // A javac of its own: in this JVM the processor would be found through the test class path anyway.
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process process = new ProcessBuilder(javac.toString(), "-classpath", classpath, "-processorpath", processorPath,
                "-parameters", "-d", classes.toString(), source.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("javac: %s", output).isZero();
        assertThat(classes.resolve("forgotten/$ForgottenService$Definition.class")).as("Micronaut's processor ran").exists();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

}
