package io.auditrail.kafka;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.jdbc.DriverManagerDataSource;
import io.auditrail.jdbc.JdbcAuditStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link KafkaAuditLoader} as a process of its own:
 * {@code java -cp <audit-kafka, its dependencies and a JDBC driver> io.auditrail.kafka.KafkaLoaderMain loader.properties}.
 *
 * <p>Keys, named as in the Spring and Micronaut configuration:
 * {@code auditrail.kafka.bootstrap-servers} (required), {@code auditrail.kafka.topic}
 * (default {@value #DEFAULT_TOPIC}), {@code auditrail.kafka.loader.group-id},
 * {@code auditrail.kafka.consumer.<any Kafka consumer property>},
 * {@code auditrail.kafka.loader.jdbc-url} (required), {@code auditrail.kafka.loader.jdbc-user},
 * {@code auditrail.kafka.loader.jdbc-password}, {@code auditrail.jdbc.table-name} and
 * {@code auditrail.jdbc.initialize-schema} ({@code never} by default here). The process stops
 * on SIGTERM after the batch in hand is stored and committed, and exits with status 1 when the
 * loader stops on its own (a record of a newer schema version), so a supervisor notices.
 */
public final class KafkaLoaderMain {

    /** Topic used when {@code auditrail.kafka.topic} is not set. */
    public static final String DEFAULT_TOPIC = "audit-events";

    private static final Duration LIVENESS_CHECK = Duration.ofMillis(500);
    private static final String PREFIX = "auditrail.kafka.";
    private static final String CONSUMER_PREFIX = PREFIX + "consumer.";

    private KafkaLoaderMain() {
    }

    /**
     * Loads until the JVM is asked to stop.
     *
     * @param args the path of a properties file
     * @throws IOException when the file cannot be read
     * @throws InterruptedException when interrupted while waiting for shutdown
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: KafkaLoaderMain <loader.properties>");
            System.exit(2);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        KafkaAuditLoader loader = start(properties);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            loader.close();
        }, "auditrail-kafka-loader-stop"));
        while (loader.isRunning()) {
            Thread.sleep(LIVENESS_CHECK.toMillis());
        }
        if (!shuttingDown.get()) {
            // Stopped on its own (a record of a newer schema version): exit so a supervisor notices and alerts.
            System.err.println("Kafka audit loader stopped; see the log for the reason");
            System.exit(1);
        }
    }

    /**
     * Builds the store and the loader from properties and starts loading.
     *
     * @param properties the keys listed on this class
     * @return the running loader; close it to stop
     * @throws IllegalArgumentException when a required key is missing or a value is invalid
     */
    public static KafkaAuditLoader start(Properties properties) {
        Map<String, String> consumerOverrides = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(CONSUMER_PREFIX)) {
                consumerOverrides.put(key.substring(CONSUMER_PREFIX.length()), properties.getProperty(key));
            }
        }
        KafkaLoaderSettings settings = new KafkaLoaderSettings(required(properties, PREFIX + "bootstrap-servers"),
                properties.getProperty(PREFIX + "topic", DEFAULT_TOPIC),
                properties.getProperty(PREFIX + "loader.group-id", KafkaLoaderSettings.DEFAULT_GROUP_ID),
                KafkaLoaderSettings.DEFAULT_POLL_TIMEOUT, RetryBackoff.DEFAULTS, consumerOverrides);
        JdbcAuditStore store = JdbcAuditStore.builder(new DriverManagerDataSource(
                        required(properties, PREFIX + "loader.jdbc-url"),
                        properties.getProperty(PREFIX + "loader.jdbc-user"),
                        properties.getProperty(PREFIX + "loader.jdbc-password")))
                .tableName(properties.getProperty("auditrail.jdbc.table-name", "audit_events"))
                .initializeSchema(schemaInitMode(properties.getProperty("auditrail.jdbc.initialize-schema", "never")))
                .build();
        KafkaAuditLoader loader = new KafkaAuditLoader(settings, store);
        loader.start();
        return loader;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required property " + key);
        }
        return value.strip();
    }

    private static InitializeSchema schemaInitMode(String value) {
        try {
            return InitializeSchema.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auditrail.jdbc.initialize-schema must be embedded, always or never, was '"
                    + value + "'");
        }
    }
}
