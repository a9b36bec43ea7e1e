package io.auditrail.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Boot 3 starter offers the same keys, descriptions and defaults to IDEs as the Boot 4 starter:
 * its generated configuration metadata equals the one the Boot 4 starter's build wrote (this
 * module's pom orders the two builds).
 */
class SameMetadataAsBoot4StarterTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void configurationMetadataIsTheBoot4StartersOwn() throws Exception {
        Path boot4 = Path.of("..", "audit-spring-boot-starter", "target", "classes", METADATA);
        assertThat(boot4).as("the Boot 4 starter is built first; run with -am").exists();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode expected = json.readTree(Files.readString(boot4));
        JsonNode actual = json.readTree(getClass().getClassLoader().getResourceAsStream(METADATA));

        assertThat(actual.get("properties").size()).isGreaterThan(50);
        assertThat(actual).isEqualTo(expected);
    }
}
