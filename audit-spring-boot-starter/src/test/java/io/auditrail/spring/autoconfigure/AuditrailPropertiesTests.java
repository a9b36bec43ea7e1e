package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.config.SinkType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter binds core's settings model: Spring's value forms, core's enums and messages, and
 * metadata whose descriptions and defaults come from core's Javadoc and field initialisers.
 */
class AuditrailPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class))
            .withPropertyValues("auditrail.dispatch=sync");

    @Test
    void bindsSharedKeysInSpringsForms() {
        new ApplicationContextRunner().withUserConfiguration(BindOnly.class)
                .withPropertyValues("auditrail.sink=log,http", "auditrail.dispatch=sync",
                        "auditrail.async.flush-interval=250ms", "auditrail.limits.max-metadata-size=7KB",
                        "auditrail.jdbc.initialize-schema=never", "auditrail.kafka.loader.poll-timeout=2s",
                        "auditrail.web.enabled=true")
                .run(context -> {
                    AuditrailProperties properties = context.getBean(AuditrailProperties.class);
                    assertThat(properties.getSink()).containsExactly(SinkType.LOG, SinkType.HTTP);
                    assertThat(properties.getDispatch()).isEqualTo(DispatchMode.SYNC);
                    assertThat(properties.getAsync().getFlushInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.getLimits().toAuditLimits().maxMetadataBytes()).isEqualTo(7 * 1024);
                    assertThat(properties.getJdbc().getInitializeSchema()).isEqualTo(InitializeSchema.NEVER);
                    assertThat(properties.getKafka().getLoader().getPollTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.getWeb().isEnabled()).isTrue();
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditrailProperties.class)
    static class BindOnly {
    }

    @Test
    void rejectsAMetadataSizeAbove2GbWithCoresMessage() {
        runner.withPropertyValues("auditrail.limits.max-metadata-size=3GB")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("auditrail.limits.max-metadata-size must be below 2GB but was 3221225472 bytes"));
    }

    @Test
    void metadataDescribesEveryKeyIncludingThoseDeclaredInCore() throws IOException, URISyntaxException {
        Map<String, JsonNode> keys = metadata();

        assertThat(keys).hasSizeGreaterThan(80);
        assertThat(keys.values().stream().filter(key -> key.path("description").asString("").isBlank())
                .map(key -> key.get("name").asString())).as("keys without a description").isEmpty();
        assertThat(keys.get("auditrail.outbox.lease").get("sourceType").asString())
                .isEqualTo("io.auditrail.core.config.AuditrailSettings$Outbox");
        assertThat(keys.get("auditrail.outbox.lease").get("defaultValue").asString()).isEqualTo("30s");
        assertThat(keys.get("auditrail.kafka.loader.group-id").get("defaultValue").asString())
                .isEqualTo("auditrail-loader");
        assertThat(keys.get("auditrail.chain.checkpoint-interval").get("defaultValue").asString()).isEqualTo("1h");
        assertThat(keys.get("auditrail.limits.max-metadata-size").get("defaultValue").asString()).isEqualTo("64KB");
        assertThat(keys.get("auditrail.sink").get("type").asString())
                .isEqualTo("java.util.List<java.lang.String>");
        assertThat(sinkHints()).as("the names an IDE offers for auditrail.sink")
                .containsExactly("jdbc", "log", "http", "kafka");
        assertThat(keys).doesNotContainKey("auditrail.micronaut.on-missing-processor");
    }

    /** The starter's own metadata file, the one its annotation processor wrote beside its classes. */
    private static Map<String, JsonNode> metadata() throws IOException, URISyntaxException {
        Map<String, JsonNode> keys = new TreeMap<>();
        for (JsonNode key : metadataFile().path("properties")) {
            keys.put(key.get("name").asString(), key);
        }
        return keys;
    }

    private static List<String> sinkHints() throws IOException, URISyntaxException {
        List<String> values = new ArrayList<>();
        for (JsonNode hint : metadataFile().path("hints")) {
            if (hint.get("name").asString().equals("auditrail.sink")) {
                hint.path("values").forEach(value -> values.add(value.get("value").asString()));
            }
        }
        return values;
    }

    private static JsonNode metadataFile() throws IOException, URISyntaxException {
        Path classes = Path.of(AuditrailProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/spring-configuration-metadata.json"))) {
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
