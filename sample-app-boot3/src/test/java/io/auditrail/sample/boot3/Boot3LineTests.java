package io.auditrail.sample.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditrail.core.store.AuditStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.SpringVersion;

/**
 * That this is a Boot 3.5 application on Spring Framework 6.2, whose own JSON is Boot's Jackson 2
 * ObjectMapper, with Auditrail (Jackson 3) in the same class path: both Jacksons load and work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Boot3LineTests {

    @Autowired
    ObjectMapper bootsObjectMapper;

    @Autowired
    AuditStore store;

    @Test
    void runsOnBoot35AndSpringFramework62() {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        assertThat(SpringVersion.getVersion()).startsWith("6.2.");
        assertThat(store.getClass().getName()).startsWith("io.auditrail.jdbc.");
    }

    @Test
    void jackson2AndJackson3WorkSideBySide() throws Exception {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion()).isEqualTo(2);
        assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion()).isEqualTo(3);
        Note note = new Note("n-1", "Ship it");
        assertThat(bootsObjectMapper.writeValueAsString(note)).isEqualTo("{\"id\":\"n-1\",\"text\":\"Ship it\"}");
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(note))
                .isEqualTo("{\"id\":\"n-1\",\"text\":\"Ship it\"}");
    }
}
