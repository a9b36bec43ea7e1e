package io.auditrail.core.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, depth-bounded copy of JSON-shaped values. Integral numbers become {@code Long}
 * (or {@code BigInteger} past its range) and other numbers {@code BigDecimal} without
 * trailing zeros, so an event equals itself after a JSON round trip.
 */
final class JsonValues {

    /** Hard bound that keeps a cyclic map from overflowing the stack; configured limits are lower. */
    static final int MAX_DEPTH = 64;

    private JsonValues() {
    }

    static Map<String, Object> copyOf(Map<String, ?> map) {
        return map.isEmpty() ? Collections.emptyMap() : copyMap(map, "metadata", 1);
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String path, int depth) {
        checkDepth(path, depth);
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new InvalidAuditEventException(path + " has a key that is not a string: " + entry.getKey());
            }
            copy.put(key, copyValue(entry.getValue(), path + "." + key, depth));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value, String path, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return normalizeNumber(number, path);
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, path, depth + 1);
        }
        if (value instanceof List<?> list) {
            checkDepth(path, depth + 1);
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(list.get(i), path + "[" + i + "]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new InvalidAuditEventException(path + " is a " + value.getClass().getName()
                + ", not a JSON value (string, number, boolean, null, list or map)");
    }

    static Object normalizeNumber(Number number, String path) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        BigDecimal decimal;
        if (number instanceof BigDecimal big) {
            decimal = big;
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidAuditEventException(path + " is " + d + ", which JSON cannot represent");
            }
            decimal = new BigDecimal(number.toString());
        } else {
            decimal = new BigDecimal(number.toString());
        }
        decimal = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        if (decimal.scale() <= 0) {
            BigInteger integral = decimal.toBigIntegerExact();
            return integral.bitLength() < 64 ? (Object) integral.longValue() : integral;
        }
        return decimal;
    }

    private static void checkDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidAuditEventException(path + " is nested deeper than " + MAX_DEPTH + " levels");
        }
    }
}
