package io.auditrail.core.spi;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.json.AuditEventCodec;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an {@link AuditSinkProvider} creates its sink from.
 *
 * @param settings {@code auditrail.*} as bound by the framework
 * @param codec writes events as JSON
 * @param properties looks up a configuration property by its full name, such as
 *        {@code auditrail.file.path}, for a sink whose keys are not part of {@link AuditrailSettings}
 */
public record SinkContext(AuditrailSettings settings, AuditEventCodec codec,
        Function<String, Optional<String>> properties) {

    /** Checks that every part is there. */
    public SinkContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(properties, "properties");
    }

    /**
     * One configuration property.
     *
     * @param name its full name
     * @return its value, empty when it is not set
     */
    public Optional<String> property(String name) {
        return properties.apply(name);
    }
}
