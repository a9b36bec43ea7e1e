package io.auditrail.core.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks metadata values whose key looks like a secret, at any depth, before any sink
 * sees them. A key matches when, lower-cased and stripped of {@code _}, {@code -}, {@code .}
 * and spaces, it contains one of the configured words: {@code access_token}, {@code X-Api-Key}
 * and {@code userPassword} are all masked by the defaults.
 */
public final class MetadataRedactor {

    /** Replacement for a masked value. */
    public static final String MASK = "[REDACTED]";

    /** Words masked by default. */
    public static final Set<String> DEFAULT_KEYS = Set.of("password", "passwd", "secret", "token", "authorization",
            "apikey", "cookie", "credential", "privatekey", "ssn", "cardnumber", "cvv");

    private final List<String> words;

    /**
     * Creates a redactor.
     *
     * @param keys words that mark a key as secret; matched case-insensitively, ignoring {@code _ - .} and spaces
     */
    public MetadataRedactor(Collection<String> keys) {
        this.words = keys.stream().map(MetadataRedactor::normalize).filter(word -> !word.isEmpty()).distinct().toList();
    }

    /**
     * A redactor with {@link #DEFAULT_KEYS}.
     *
     * @return the redactor
     */
    public static MetadataRedactor withDefaults() {
        return new MetadataRedactor(DEFAULT_KEYS);
    }

    /**
     * Whether a key is masked.
     *
     * @param key a metadata key
     * @return {@code true} when its value is replaced by {@link #MASK}
     */
    public boolean isSecret(String key) {
        String normalized = normalize(key);
        for (String word : words) {
            if (normalized.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Masks secret values.
     *
     * @param metadata JSON values by key
     * @return the same map when nothing is secret, otherwise a masked copy
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> redact(Map<String, Object> metadata) {
        return words.isEmpty() ? metadata : (Map<String, Object>) redactValue(metadata);
    }

    private Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = null;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object replaced = isSecret(key) && entry.getValue() != null ? MASK : redactValue(entry.getValue());
                if (replaced != entry.getValue() && copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> earlier : map.entrySet()) {
                        copy.put(String.valueOf(earlier.getKey()), earlier.getValue());
                    }
                }
                if (copy != null) {
                    copy.put(key, replaced);
                }
            }
            return copy == null ? map : copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object replaced = redactValue(list.get(i));
                if (replaced != list.get(i) && copy == null) {
                    copy = new ArrayList<>(list);
                }
                if (copy != null) {
                    copy.set(i, replaced);
                }
            }
            return copy == null ? list : copy;
        }
        return value;
    }

    private static String normalize(String key) {
        StringBuilder normalized = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != '.' && c != ' ') {
                normalized.append(c);
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT);
    }
}
