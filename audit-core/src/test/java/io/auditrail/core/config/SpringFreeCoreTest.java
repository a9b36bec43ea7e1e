package io.auditrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core compiles against spring-boot (provided scope) for one marker annotation only; the enforcer
 * cannot tell which classes of that jar are used, so this test does.
 */
class SpringFreeCoreTest {

    private static final String ALLOWED = "import org.springframework.boot.context.properties.ConfigurationPropertiesSource;";

    @Test
    void coreImportsNothingOfSpringButTheMetadataMarker() throws IOException {
        Path sources = Path.of("src", "main", "java");
        assertThat(sources).as("run from the audit-core module directory").isDirectory();
        List<String> offending;
        try (Stream<Path> files = Files.walk(sources)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(SpringFreeCoreTest::springLines)
                    .filter(line -> !line.equals(ALLOWED))
                    .toList();
        }
        assertThat(offending).as("Spring references in audit-core's main sources").isEmpty();
    }

    private static Stream<String> springLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> line.contains("org.springframework"))
                    .map(line -> line.startsWith("import ") ? line : file + ": " + line);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + file, unreadable);
        }
    }
}
