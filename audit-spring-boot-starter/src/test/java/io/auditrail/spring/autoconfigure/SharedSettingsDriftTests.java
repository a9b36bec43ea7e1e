package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.config.SinkType;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Core's {@link AuditrailSettings}, which Micronaut binds, and the starter's
 * {@link AuditrailProperties} are two models of the same {@code auditrail.*} keys. Every key of
 * core must be declared by the starter's generated {@code spring-configuration-metadata.json}
 * with an equal default, and the shared enums must have the same constants, so that the two
 * frameworks cannot drift apart silently. Keys only the starter has are allowed.
 */
class SharedSettingsDriftTests {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    /** Keys only the Micronaut module reads (there is no processor to forget in Spring); the starter need not declare them. */
    private static final String MICRONAUT_ONLY = "auditrail.micronaut.";

    @Test
    void everyCoreKeyIsDeclaredByTheStarterWithAnEqualDefault() throws Exception {
        Map<String, JsonNode> starter = starterProperties();
        Map<String, Object> core = new LinkedHashMap<>();
        collect(new AuditrailSettings(), "auditrail", core);
        assertThat(core).as("keys found in core's model").hasSizeGreaterThan(40).containsKey("auditrail.outbox.lease")
                .containsKey("auditrail.micronaut.on-missing-processor");
        assertThat(starter.keySet()).as("the starter declares no Micronaut-only key").noneMatch(k -> k.startsWith(MICRONAUT_ONLY));

        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, Object> key : core.entrySet()) {
            if (key.getKey().startsWith(MICRONAUT_ONLY)) {
                continue;
            }
            JsonNode declared = starter.get(key.getKey());
            if (declared == null) {
                drift.add(key.getKey() + ": not declared by the starter");
                continue;
            }
            Object starterDefault = declared.has("defaultValue") ? fromMetadata(declared.get("defaultValue"), key.getValue())
                    : renderedInCode(key.getKey(), key.getValue());
            if (!normalised(key.getValue()).equals(normalised(starterDefault))) {
                drift.add(key.getKey() + ": core default " + normalised(key.getValue()) + ", starter default "
                        + normalised(starterDefault));
            }
        }
        assertThat(drift).as("differences between core's AuditrailSettings and the starter's metadata").isEmpty();
    }

    @Test
    void theSharedEnumsHaveTheSameConstants() {
        assertThat(names(SinkType.values())).isEqualTo(names(AuditrailProperties.SinkType.values()));
        assertThat(names(DispatchMode.values())).isEqualTo(names(AuditrailProperties.DispatchMode.values()));
        assertThat(names(InitializeSchema.values())).isEqualTo(names(AuditrailProperties.InitializeSchema.values()));
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    /** The starter's own metadata: the file whose groups come from {@link AuditrailProperties}. */
    private static Map<String, JsonNode> starterProperties() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Enumeration<URL> files = SharedSettingsDriftTests.class.getClassLoader().getResources(METADATA);
        while (files.hasMoreElements()) {
            JsonNode metadata;
            try (InputStream in = files.nextElement().openStream()) {
                metadata = json.readTree(in);
            }
            boolean starters = false;
            for (JsonNode group : metadata.path("groups")) {
                starters |= AuditrailProperties.class.getName().equals(group.path("sourceType").asString(""));
            }
            if (starters) {
                Map<String, JsonNode> properties = new LinkedHashMap<>();
                metadata.path("properties").forEach(property -> properties.put(property.get("name").asString(), property));
                return properties;
            }
        }
        throw new IllegalStateException("no " + METADATA + " generated from " + AuditrailProperties.class.getName()
                + " on the test classpath: is spring-boot-configuration-processor on the annotation-processor path?");
    }

    /** Every leaf property of a settings object, by key, with its value; nested groups are followed. */
    private static void collect(Object settings, String prefix, Map<String, Object> keys) throws IntrospectionException,
            InvocationTargetException, IllegalAccessException {
        for (PropertyDescriptor property : Introspector.getBeanInfo(settings.getClass(), Object.class)
                .getPropertyDescriptors()) {
            if (property.getReadMethod() == null) {
                continue;
            }
            String key = prefix + "." + kebab(property.getName());
            Object value = property.getReadMethod().invoke(settings);
            if (property.getPropertyType().getEnclosingClass() == AuditrailSettings.class
                    && !property.getPropertyType().isEnum()) {
                collect(value, key, keys);
            } else if (property.getWriteMethod() != null) {
                keys.put(key, value);
            }
        }
    }

    /** A default the configuration processor cannot render (a list built in code): the starter's bound default. */
    private static Object renderedInCode(String key, Object coreDefault) throws Exception {
        if (coreDefault == null || isEmpty(coreDefault)) {
            return coreDefault;
        }
        Object value = new AuditrailProperties();
        for (String segment : key.substring("auditrail.".length()).split("\\.")) {
            value = read(value, camel(segment));
        }
        return value;
    }

    private static Object read(Object bean, String name) throws Exception {
        for (PropertyDescriptor property : Introspector.getBeanInfo(bean.getClass(), Object.class)
                .getPropertyDescriptors()) {
            if (property.getName().equals(name)) {
                return property.getReadMethod().invoke(bean);
            }
        }
        throw new IllegalStateException("the starter has no property " + name + " on " + bean.getClass().getName());
    }

    /** A metadata default in the Java type of core's value. */
    private static Object fromMetadata(JsonNode value, Object coreDefault) {
        if (coreDefault instanceof Duration) {
            return DurationStyle.detectAndParse(value.asString());
        }
        if (coreDefault instanceof Enum<?>) {
            return value.asString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return items;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        return value.asString();
    }

    /** Values compared as the metadata spells them: enums in kebab case, numbers as longs, no-default as null. */
    private static Object normalised(Object value) {
        if (value == null || isEmpty(value)) {
            return "(none)";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> String.valueOf(normalised(item))).sorted().toList();
        }
        return value;
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Collection<?> items && items.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebab.split("-")) {
            camel.append(camel.length() == 0 ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return camel.toString();
    }
}
