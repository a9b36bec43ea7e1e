package io.auditrail.kafka;

import java.util.regex.Pattern;

/** Checks of names given in configuration, so a typo fails at start-up with the key's meaning. */
final class KafkaNames {

    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private KafkaNames() {
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Kafka " + what + " must not be blank");
        }
        return value.strip();
    }

    static String requireTopic(String topic) {
        String name = requireText(topic, "topic");
        if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Kafka topic '" + name
                    + "' is not a valid topic name (1-249 of letters, digits, '.', '_', '-')");
        }
        return name;
    }
}
