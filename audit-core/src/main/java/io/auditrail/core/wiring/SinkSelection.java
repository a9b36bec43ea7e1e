package io.auditrail.core.wiring;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.spi.AuditSink;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides which sinks run from {@code auditrail.sink} and the sinks present. A listed sink whose
 * module is missing fails start-up rather than being dropped silently beside the others; with
 * nothing listed and nothing present, the log sink stands in.
 */
public final class SinkSelection {

    /** Sinks that come from a module of their own, and how to add it; core provides the others. */
    private static final Map<SinkType, String> MODULES = new EnumMap<>(Map.of(
            SinkType.JDBC, "there is no JDBC audit store: add audit-jdbc-store and a DataSource",
            SinkType.KAFKA, "there is no Kafka audit sink: add io.auditrail:audit-kafka"));

    private SinkSelection() {
    }

    /**
     * The sinks to dispatch to.
     *
     * @param configured the types {@code auditrail.sink} lists, empty when it is not set
     * @param present every sink there is, the built-in ones the list asked for among them
     * @param fallback the log sink, created only when it stands in
     * @return {@code present}, or the fallback alone
     * @throws InvalidAuditConfigurationException naming a listed sink that is not present and how to add it
     */
    public static List<AuditSink> select(List<SinkType> configured, List<AuditSink> present,
            Supplier<AuditSink> fallback) {
        for (SinkType type : configured) {
            String name = type.name().toLowerCase(Locale.ROOT);
            String remedy = MODULES.get(type);
            if (remedy != null && present.stream().noneMatch(sink -> sink.name().equals(name))) {
                throw new InvalidAuditConfigurationException("auditrail.sink lists " + name + " but " + remedy);
            }
        }
        if (present.isEmpty() && configured.isEmpty()) {
            return List.of(fallback.get());
        }
        return List.copyOf(present);
    }
}
