package io.auditrail.core.capture;

import io.auditrail.core.event.InvalidAuditEventException;
import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns values taken from method arguments and results into JSON values for event
 * metadata. Strings, numbers, booleans, enums, dates, UUIDs, maps, collections and arrays
 * are converted directly; records and beans through Jackson. Nesting is bounded, so a
 * cyclic object graph fails with a clear message instead of a {@code StackOverflowError}.
 */
final class MetadataConverter {

    private final int maxDepth;
    /** An object with no properties is almost always a mistake in an expression, not data worth recording. */
    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules()
            .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    /**
     * Creates a converter.
     *
     * @param maxDepth deepest nesting accepted
     */
    MetadataConverter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /**
     * Converts one value.
     *
     * @param value any value
     * @param path where the value sits, for messages, for example {@code "metadata.amount"}
     * @return a JSON value: {@code null}, {@code String}, {@code Boolean}, {@code Number},
     *         {@code List} or {@code Map}
     * @throws InvalidAuditEventException when the value is nested too deep or cannot be serialised
     */
    Object toJsonValue(Object value, String path) {
        return convert(value, path, 1, true);
    }

    private Object convert(Object value, String path, int depth, boolean viaJacksonAllowed) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID
                || value instanceof TemporalAccessor || value instanceof java.time.Duration
                || value instanceof java.time.Period) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Optional<?> optional) {
            return convert(optional.orElse(null), path, depth, viaJacksonAllowed);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            checkDepth(path, depth);
            Map<String, Object> converted = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                converted.put(key, convert(entry.getValue(), path + "." + key, depth + 1, viaJacksonAllowed));
            }
            return converted;
        }
        if (value instanceof Iterable<?> iterable) {
            checkDepth(path, depth);
            List<Object> converted = new ArrayList<>();
            int i = 0;
            for (Object element : iterable) {
                converted.add(convert(element, path + "[" + i++ + "]", depth + 1, viaJacksonAllowed));
            }
            return converted;
        }
        if (value.getClass().isArray()) {
            checkDepth(path, depth);
            int length = Array.getLength(value);
            List<Object> converted = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                converted.add(convert(Array.get(value, i), path + "[" + i + "]", depth + 1, viaJacksonAllowed));
            }
            return converted;
        }
        if (!viaJacksonAllowed) {
            throw notSerializable(value, path, "nested object graph is too deep or cyclic");
        }
        return convert(viaJackson(value, path), path, depth, false);
    }

    private Object viaJackson(Object value, String path) {
        try {
            return mapper.convertValue(value, Object.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw notSerializable(value, path, e.getMessage());
        } catch (StackOverflowError e) {
            throw notSerializable(value, path, "the object graph is cyclic");
        }
    }

    private static InvalidAuditEventException notSerializable(Object value, String path, String reason) {
        String firstLine = reason == null ? "" : reason.lines().findFirst().orElse("");
        return new InvalidAuditEventException(path + " holds a " + value.getClass().getName()
                + " that cannot be serialised as JSON: " + firstLine);
    }

    private void checkDepth(String path, int depth) {
        if (depth > maxDepth) {
            throw new InvalidAuditEventException(path + " is nested deeper than the limit of " + maxDepth + " levels");
        }
    }
}
