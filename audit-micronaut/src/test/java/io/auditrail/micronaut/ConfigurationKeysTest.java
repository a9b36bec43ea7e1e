package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.capture.AuditFailurePolicy;
import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.auditrail.micronaut.metrics.HealthConfiguration;
import io.auditrail.micronaut.security.SecurityEventsConfiguration;
import io.auditrail.micronaut.web.WebConfiguration;
import io.micronaut.context.ApplicationContext;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Micronaut binds every {@code auditrail.*} key of the configuration reference
 * ({@code docs/configuration.md}, generated from the Spring Boot starter's metadata), except the
 * keys of features Micronaut does not have. The shared keys are declared once, in core's
 * {@code AuditrailSettings}; this test catches a key added to the starter's own properties
 * instead, or one Micronaut's binder fails to fill.
 */
class ConfigurationKeysTest {

    /**
     * Keys Micronaut does not bind, each for a reason: the AOP advisor is Spring's, the
     * self-hosted server is a Spring Boot application; log streams are not in Micronaut yet. {@code auditrail.chain.*} binds to
     * {@code ChainConfiguration}, core's {@code ChainSettings} as in the starter, whose paths,
     * URIs and keys need samples of their own; {@code H2ChainJobsTest} binds some of them. Anything
     * else in the reference must bind.
     */
    private static final Set<String> NOT_FOR_MICRONAUT = Set.of("auditrail.advisor-order", "auditrail.server.",
            "auditrail.chain.", "auditrail.streams.");

    /** Groups bound by configuration beans of their own rather than by {@code AuditrailConfiguration}. */
    private static final Map<String, Class<?>> GROUPS = Map.of("web", WebConfiguration.class,
            "health", HealthConfiguration.class, "security-events", SecurityEventsConfiguration.class);

    private static final Pattern TABLE_KEY = Pattern.compile("^\\| `(auditrail\\.[a-z0-9.-]+)` \\|", Pattern.MULTILINE);

    @Test
    void everySharedKeyOfTheReferenceIsBoundToANonDefaultValue() throws Exception {
        List<String> keys = sharedKeys();
        assertThat(keys).as("keys read from docs/configuration.md").hasSizeGreaterThan(30);

        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        Map<String, Object> defaults = bound(Map.of());
        for (String key : keys) {
            Sample sample = sample(key, read(defaults, key));
            properties.put(sample.propertyKey(), sample.text());
            expected.put(key, sample.expected());
        }

        Map<String, Object> configured = bound(properties);

        List<String> notBound = new ArrayList<>();
        for (String key : keys) {
            Object value = read(configured, key);
            if (!expected.get(key).equals(value)) {
                notBound.add(key + " = " + value + " (expected " + expected.get(key) + ")");
            }
        }
        assertThat(notBound).as("keys Micronaut did not bind").isEmpty();
    }

    private static List<String> sharedKeys() throws IOException {
        String reference = Files.readString(Path.of("..", "docs", "configuration.md"));
        List<String> keys = new ArrayList<>();
        Matcher matcher = TABLE_KEY.matcher(reference);
        while (matcher.find()) {
            String key = matcher.group(1);
            if (NOT_FOR_MICRONAUT.stream().noneMatch(key::startsWith)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The bound configuration beans: {@code AuditrailConfiguration} under "", each group's under its name. */
    private static Map<String, Object> bound(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).deduceEnvironment(false)
                .build().start()) {
            Map<String, Object> beans = new LinkedHashMap<>();
            beans.put("", context.getBean(AuditrailConfiguration.class));
            GROUPS.forEach((group, type) -> beans.put(group, context.getBean(type)));
            return beans;
        }
    }

    /** A value unlike the default, as YAML would spell it, and what it binds to. */
    private record Sample(String propertyKey, String text, Object expected) {
    }

    private static Sample sample(String key, Object current) {
        return switch (key) {
            case "auditrail.sink" -> new Sample(key, "log,http", List.of(SinkType.LOG, SinkType.HTTP));
            case "auditrail.dispatch" -> new Sample(key, "async", DispatchMode.ASYNC);
            case "auditrail.failure-policy" -> new Sample(key, "fail-closed", AuditFailurePolicy.FAIL_CLOSED);
            case "auditrail.async.overflow-policy" -> new Sample(key, "drop", OverflowPolicy.DROP);
            case "auditrail.jdbc.initialize-schema", "auditrail.outbox.initialize-schema" ->
                    new Sample(key, "never", InitializeSchema.NEVER);
            case "auditrail.limits.max-metadata-size" -> new Sample(key, "7KB", 7 * 1024);
            case "auditrail.retention-by-organization" -> new Sample(key + ".acme", "30d", Map.of("acme", Duration.ofDays(30)));
            case "auditrail.kafka.producer" -> new Sample(key + ".compression.type", "zstd", Map.of("compression.type", "zstd"));
            case "auditrail.kafka.consumer" -> new Sample(key + ".max.poll.records", "50", Map.of("max.poll.records", "50"));
            case "auditrail.http.base-uri" -> new Sample(key, "https://audit.example.com", URI.create("https://audit.example.com"));
            case "auditrail.redaction.keys", "auditrail.redaction.additional-keys" -> new Sample(key, "iban,pin", List.of("iban", "pin"));
            default -> byType(key, current);
        };
    }

    private static Sample byType(String key, Object current) {
        if (current instanceof Boolean flag) {
            return new Sample(key, String.valueOf(!flag), !flag);
        }
        if (current instanceof Integer number) {
            return new Sample(key, String.valueOf(number + 7), number + 7);
        }
        if (current instanceof Duration duration) {
            return new Sample(key, "7s", duration.equals(Duration.ofSeconds(7)) ? Duration.ofSeconds(8) : Duration.ofSeconds(7));
        }
        if (key.endsWith("monthly-event-limit")) {
            return new Sample(key, "7000", 7000L);
        }
        if (key.equals("auditrail.retention")) {
            return new Sample(key, "365d", Duration.ofDays(365));
        }
        return new Sample(key, "changed-" + key.substring(key.lastIndexOf('.') + 1), "changed-" + key.substring(key.lastIndexOf('.') + 1));
    }

    /** Follows the key's segments through bean getters, as both binders do. */
    private static Object read(Map<String, Object> beans, String key) throws IntrospectionException,
            InvocationTargetException, IllegalAccessException {
        String path = key.substring("auditrail.".length());
        String group = path.contains(".") ? path.substring(0, path.indexOf('.')) : "";
        Object value = beans.get("");
        if (GROUPS.containsKey(group)) {
            value = beans.get(group);
            path = path.substring(group.length() + 1);
        }
        for (String segment : path.split("\\.")) {
            PropertyDescriptor property = property(value.getClass(), camel(segment));
            if (property == null || property.getReadMethod() == null) {
                return "(no property " + camel(segment) + " on " + value.getClass().getSimpleName() + ")";
            }
            value = property.getReadMethod().invoke(value);
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    private static PropertyDescriptor property(Class<?> type, String name) throws IntrospectionException {
        for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
            if (property.getName().equals(name)) {
                return property;
            }
        }
        return null;
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebab.split("-")) {
            camel.append(camel.length() == 0 ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return camel.toString();
    }
}
